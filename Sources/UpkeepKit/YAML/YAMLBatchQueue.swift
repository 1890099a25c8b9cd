import Foundation

/// Hands event batches from the thread that parses to the thread that builds the tree, in order,
/// with a fixed number of batches going round (so the parser is never more than a few batches ahead).
final class YAMLBatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [YAMLEventBatch]
    private var filled: [YAMLEventBatch] = []
    private var stopped = false

    init(batches: Int) {
        free = Array(repeating: YAMLEventBatch(), count: batches)
    }

    /// An empty batch for the parser to fill; nil once the reader has stopped.
    func emptyBatch() -> YAMLEventBatch? {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !stopped { condition.wait() }
        return stopped ? nil : free.removeLast()
    }

    func put(_ batch: YAMLEventBatch) {
        condition.lock()
        filled.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The next filled batch, in order (waits for it).
    func take() -> YAMLEventBatch {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty { condition.wait() }
        return filled.removeFirst()
    }

    func recycle(_ batch: YAMLEventBatch) {
        condition.lock()
        free.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The reader needs no more batches: a parser waiting for an empty one stops.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
