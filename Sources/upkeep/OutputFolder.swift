import ArgumentParser
import Foundation
import Synchronization
import UpkeepKit

/// A folder a command writes whole (`tickets -o DIR`, `calendar --per-subject DIR`). The files go into a
/// new folder beside it, which then takes its place: the folder holds exactly one run's files (no ticket
/// of an older plan stays behind to be sent by mistake), and a run that fails leaves the previous folder
/// as it was. A folder Upkeep did not write — one that holds anything but no marker file — is refused,
/// never replaced.
enum OutputFolder {
    /// The file that marks a folder as Upkeep's output, which the next run may replace.
    static let marker = ".upkeep-output"

    static func write(_ files: [(name: String, bytes: [UInt8])], to path: String, command: String) throws {
        try write(to: path, command: command) { folder in
            for file in files { folder.add(file.name, file.bytes) }
        }
    }

    /// The folder's files, added by `fill` (from any thread).
    static func write(to path: String, command: String, _ fill: (Files) -> Void) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isFolder)
        if exists {
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard isFolder.boolValue, entries.isEmpty || entries.contains(marker) else {
                throw refusal("\(path) holds files Upkeep did not write; name a new or empty folder (Upkeep replaces the whole folder on every run).")
            }
        }
        let parent = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let process = ProcessInfo.processInfo.processIdentifier
        let temporary = (parent.isEmpty ? "." : parent) + "/.\(base).upkeep-\(process).tmp"
        let previous = (parent.isEmpty ? "." : parent) + "/.\(base).upkeep-\(process).old"
        try? manager.removeItem(atPath: temporary)
        do {
            if !parent.isEmpty { try manager.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            guard mkdir(temporary, 0o755) == 0 else { throw failure(temporary) }
            let note = "Written by upkeep \(command). The next run replaces this whole folder.\n"
            try create(temporary + "/" + marker, Array(note.utf8))
            let files = Files(folder: temporary)
            fill(files)
            if let problem = files.problem { throw problem }
            if exists {
                guard rename(path, previous) == 0 else { throw failure(path) }
                guard rename(temporary, path) == 0 else {
                    _ = rename(previous, path)
                    throw failure(path)
                }
                try? manager.removeItem(atPath: previous)
            } else {
                guard rename(temporary, path) == 0 else { throw failure(path) }
            }
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw refusal("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The files of the folder being written; `add` may be called from several threads at once.
    final class Files: Sendable {
        let folder: String
        private let firstProblem = Mutex<(any Error)?>(nil)

        init(folder: String) {
            self.folder = folder
        }

        /// Writes one file; the first that fails is kept (the command then fails, naming it).
        /// `name` may name a subfolder (`kubernetes/eol.yaml`): each part must stay inside, and the subfolders are made.
        func add(_ name: String, _ bytes: [UInt8]) {
            do {
                let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard parts.allSatisfy(FileNames.staysInside) else { throw WriteFailure(reason: "the file name \(name) would leave the folder") }
                if parts.count > 1 {
                    try FileManager.default.createDirectory(atPath: folder + "/" + parts.dropLast().joined(separator: "/"), withIntermediateDirectories: true)
                }
                try OutputFolder.create(folder + "/" + name, bytes)
            } catch {
                firstProblem.withLock { if $0 == nil { $0 = error } }
            }
        }

        var problem: (any Error)? { firstProblem.withLock { $0 } }
    }

    /// A new file (never one that is there already), written whole.
    fileprivate static func create(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        try bytes.withUnsafeBufferPointer { try OutputFile.writeAll(descriptor, $0, name: path) }
    }

    fileprivate static func failure(_ path: String) -> Error {
        let failure = WriteFailure.now()
        return WriteFailure(reason: "\(path): \(failure.reason)")
    }

    /// Says what went wrong in one line; the command ends with exit status 1.
    private static func refusal(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("upkeep: \(message)\n".utf8))
        return ExitCode(1)
    }
}
