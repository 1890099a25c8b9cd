import Dispatch
import Foundation

/// The SHA-256 of each input file, computed on another thread once `start()` is called (the planner
/// starts it where it keeps only one core busy, so that it does not compete with the reading or the
/// parallel parts): only the plan's `inputs` list needs them, at the very end.
public final class FileDigests: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var pending: [(path: String, bytes: [UInt8])] = []
    private var digests: [String: String] = [:]
    private var started = false

    public init() {}

    /// Keeps `bytes` to hash.
    func add(path: String, bytes: [UInt8]) {
        lock.withLock { pending.append((path, bytes)) }
    }

    /// Starts hashing in the background (once).
    public func start() {
        let files: [(path: String, bytes: [UInt8])] = lock.withLock {
            guard !started else { return [] }
            started = true
            defer { pending = [] }
            return pending
        }
        for file in files {
            DispatchQueue.global().async(group: group) { [self] in
                let digest = SHA256.hex(file.bytes)
                lock.withLock { digests[file.path] = digest }
            }
        }
    }

    /// The digest of every file added, by path, once all are computed.
    public var byPath: [String: String] {
        start()
        group.wait()
        return lock.withLock { digests }
    }
}
