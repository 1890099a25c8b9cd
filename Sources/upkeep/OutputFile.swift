import ArgumentParser
import Foundation

/// Every file a command writes goes to a temporary file beside its destination and is renamed into place:
/// the old file stays until the new one is whole, and a failed run leaves it as it was.
enum OutputFile {
    static func write(_ write: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void, to path: String) throws {
        let temporary = path + ".upkeep-\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { throw WriteFailure.now() }
            do {
                try write { try writeAll(descriptor, $0, name: temporary) }
                close(descriptor)
            } catch {
                close(descriptor)
                throw error
            }
            guard rename(temporary, path) == 0 else { throw WriteFailure.now() }
        } catch {
            unlink(temporary)
            FileHandle.standardError.write(Data("upkeep: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func write(_ text: String, to path: String) throws {
        try write({ emit in try Array(text.utf8).withUnsafeBufferPointer(emit) }, to: path)
    }

    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure.now()
            }
            offset += written
        }
    }
}

/// What the system said when a write failed (`No such file or directory`, `Permission denied`, …).
struct WriteFailure: LocalizedError {
    var reason: String
    var errorDescription: String? { reason }

    /// The failure `errno` holds now.
    static func now() -> WriteFailure { WriteFailure(reason: String(cString: strerror(errno))) }
}
