import Dispatch
import Foundation

/// A producer on another thread and a consumer on this one, handing batches over in order, with a fixed number of
/// batches going round (so the producer is never more than a few batches ahead). The YAML reader parses with
/// libyaml on the other thread while it builds the tree on this one.
enum HandOff {
    /// Fills batches on another thread with `fill` from `producer` (true when the batch it filled is the last) and
    /// hands each, in order, to `use` on this thread (false: no more are wanted). `fill` runs on one thread at a
    /// time, never at the same time as itself, and stops once `use` stops or a batch is the last.
    ///
    /// The caller hands `producer` over for the length of the call: only the other thread touches it until `run`
    /// returns (`fill` is `@Sendable` and gets it as an argument; `use` runs here and must not reach it). That is
    /// what makes a producer that is not `Sendable` (libyaml's parser, reading the caller's buffer) safe to hand
    /// over; `sending` cannot say it, since the parser shares its region with the caller's buffer.
    static func run<Producer, Batch: Sendable>(batches: Int, empty: Batch, producer: Producer,
                                               fill: @escaping @Sendable (Producer, inout Batch) -> Bool, use: (Batch) -> Bool) {
        let queue = HandOffQueue(batches: Array(repeating: empty, count: max(1, batches)))
        let owned = Owned(producer)
        let work = DispatchWorkItem {
            while var batch = queue.emptyBatch() {
                let last = fill(owned.value, &batch)
                queue.put(batch, last: last)
                if last { return }
            }
        }
        DispatchQueue.global().async(execute: work)
        while true {
            let (batch, last) = queue.take()
            let keepGoing = use(batch)
            queue.recycle(batch)
            if !keepGoing || last { break }
        }
        queue.stop()
        work.wait()
    }
}

/// A value handed over to the one thread that uses it while `HandOff.run` runs.
private final class Owned<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The batches going round between the two threads of `HandOff.run`, under one lock.
private final class HandOffQueue<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [Batch]
    private var filled: [(batch: Batch, last: Bool)] = []
    private var stopped = false

    init(batches: [Batch]) {
        free = batches
    }

    /// An empty batch for the producer to fill; nil once the consumer has stopped.
    func emptyBatch() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !stopped { condition.wait() }
        return stopped ? nil : free.removeLast()
    }

    func put(_ batch: Batch, last: Bool) {
        condition.lock()
        filled.append((batch, last))
        condition.broadcast()
        condition.unlock()
    }

    /// The next filled batch, in order, and whether it is the last (waits for it).
    func take() -> (batch: Batch, last: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty { condition.wait() }
        return filled.removeFirst()
    }

    func recycle(_ batch: Batch) {
        condition.lock()
        free.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer needs no more batches: a producer waiting for an empty one stops.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
