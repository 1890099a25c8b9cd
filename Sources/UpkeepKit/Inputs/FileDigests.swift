import Dispatch
import Foundation

/// The SHA-256 of each input file, computed on another thread while the inputs are read and the plan
/// is made: only the plan's `inputs` list needs them, at the very end.
public final class FileDigests: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var digests: [String: String] = [:]

    public init() {}

    /// Starts hashing `bytes` in the background.
    func add(path: String, bytes: [UInt8]) {
        DispatchQueue.global().async(group: group) { [self] in
            let digest = SHA256.hex(bytes)
            lock.lock()
            digests[path] = digest
            lock.unlock()
        }
    }

    /// The digest of every file added, by path, once all are computed.
    public var byPath: [String: String] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return digests
    }
}
