import Foundation

/// No command ever overwrites one of its inputs: an output path that is an input file — named directly,
/// found in an input folder, or reached through a symbolic or hard link — or that is a folder, is
/// refused before anything is read or written.
public enum OutputPathCheck {
    /// Why `output` may not be written when the inputs are `paths`; nil when it may.
    public static func problem(output: String, inputs paths: [String]) -> String? {
        guard identity(of: output) != nil else { return nil }  // A new file is no input.
        return problem(output: output, inputFiles: InputLoader.files(under: paths, log: DiagnosticLog()))
    }

    /// Why `output` may not be written when the input files, already listed, are `files` (looked at on every
    /// core of `execution`: `upkeep inventory` reads ten thousand); nil when it may.
    public static func problem(output: String, inputFiles files: [String], execution: ExecutionOptions = .serial) -> String? {
        guard let target = identity(of: output) else { return nil }
        if target.isFolder { return "\(output) is a folder; -o names the file to write." }
        let same = execution.each(files.count, minimum: 256) { index in
            identity(of: files[index]).map { $0.device == target.device && $0.inode == target.inode } ?? false
        }
        guard let index = same.firstIndex(of: true) else { return nil }
        let file = files[index]
        return file == output ? "\(output) is one of the inputs." : "\(output) is the input \(file) (the same file through a link)."
    }

    /// Why the folder `output` may not be replaced by a command's output folder (`tickets -o`,
    /// `calendar --per-subject`) when the inputs are `paths`: it is a file, or an input lies inside it
    /// (replacing the folder would delete the input). Nil when it may.
    public static func folderProblem(output: String, inputs paths: [String]) -> String? {
        guard let target = identity(of: output) else { return nil }
        guard target.isFolder else { return "\(output) is a file; -o names the folder to write." }
        guard let folder = realPath(output) else { return nil }
        for file in InputLoader.files(under: paths, log: DiagnosticLog()) {
            if let real = realPath(file), real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                return "the input \(file) is inside it."
            }
        }
        return nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private struct Identity: Sendable {
        var device: UInt64
        var inode: UInt64
        var isFolder: Bool
    }

    /// The file `path` ends at, after following links; nil when there is none.
    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), isFolder: (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
