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

/// `body` of each index of `0..<count`, the indices handed out one at a time to whichever core is free (so one
/// large item does not hold up the items after it, as it would in a contiguous chunk); the results in index order.
enum ParallelEach {
    static func map<Value: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        guard count > 1, workers > 1 else { return (0..<count).map(body) }
        let results = EachResults<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(index, body(index))
        }
        return results.values()
    }
}

/// One slot per index, each written once by the worker that ran it (distinct slots: no two threads touch the same
/// memory), read after every worker has finished.
private final class EachResults<Value: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    /// Every slot's value (each was stored: `concurrentPerform` returns once every iteration has run).
    func values() -> [Value] {
        slots.map { value in
            guard let value else { preconditionFailure("a parallel result is missing") }
            return value
        }
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
