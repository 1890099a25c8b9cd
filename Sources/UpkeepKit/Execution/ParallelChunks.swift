import Dispatch
import Foundation

/// Splits `0..<count` into one contiguous chunk per core, runs `body` on each at once and returns the
/// chunks' results in chunk order: the same result as one pass over the whole range.
///
/// `body` is `@Sendable`: the compiler checks that it only reads what it shares with the other chunks.
enum ParallelChunks {
    /// Below this many items the threads cost more than they save.
    static let minimumItems = 2048

    static func map<Value: Sendable>(_ count: Int, minimum: Int = minimumItems, workers: Int = min(ProcessInfo.processInfo.activeProcessorCount, 8),
                                     _ body: @Sendable (Range<Int>) -> [Value]) -> [Value] {
        let workers = min(workers, count)
        guard count >= minimum, workers > 1 else { return body(0..<count) }
        let size = (count + workers - 1) / workers
        let results = ChunkResults<Value>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = min(count, worker * size), end = min(count, start + size)
            results.store(worker, body(start..<end))
        }
        return results.joined()
    }
}

/// Where each chunk's result goes; every worker writes only its own index, under a lock.
private final class ChunkResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [[Value]]

    init(count: Int) {
        chunks = Array(repeating: [], count: count)
    }

    func store(_ index: Int, _ values: [Value]) {
        lock.lock()
        chunks[index] = values
        lock.unlock()
    }

    func joined() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return chunks.flatMap { $0 }
    }
}

/// Sorts on two cores: each half sorted at once, then merged. The same order as `sorted(by:)` for a
/// strict total order (the planner's orders end on a unique key).
enum ParallelSort {
    static func sorted(_ items: [Int], by before: @Sendable (Int, Int) -> Bool) -> [Int] {
        guard items.count >= ParallelChunks.minimumItems, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return items.sorted(by: before)
        }
        let middle = items.count / 2
        let halves = ParallelChunks.map(2, minimum: 2) { range in
            range.map { half in half == 0 ? items[..<middle].sorted(by: before) : items[middle...].sorted(by: before) }
        }
        let left = halves[0], right = halves[1]
        var merged: [Int] = []
        merged.reserveCapacity(items.count)
        var l = 0, r = 0
        while l < left.count && r < right.count {
            if before(right[r], left[l]) { merged.append(right[r]); r += 1 } else { merged.append(left[l]); l += 1 }
        }
        merged += left[l...]
        merged += right[r...]
        return merged
    }
}
