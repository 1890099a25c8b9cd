import Dispatch
import Foundation

/// How the planner's work is spread over the cores, and who hears about its phases: the one value the
/// planner's façade decides chunking by. The stages never start threads themselves; they hand
/// per-item functions to these methods, which split the items into contiguous chunks, run the chunks at
/// once and put the results back in item order — so every result is the one a single pass gives.
///
/// The closures given here only read what they capture (the planner's tables and drafts, filled before
/// the call) and write only their own results: that is what makes handing them to other threads safe,
/// and why they need not be `Sendable` — the check is made here, once, instead of at every call.
public struct ExecutionOptions: Sendable {
    /// Threads at most (1: everything on the calling thread).
    public var workers: Int
    /// Below this many items a map runs on the calling thread (threads would cost more than they save).
    public var minimumItems: Int
    /// Hears the name of each planning phase as it ends (`UPKEEP_PHASE_TIMES` prints them with times).
    public var phaseEnded: (@Sendable (String) -> Void)?
    /// Work of the caller's (hashing the input files) that should not compete with the parallel phases:
    /// started when the planner enters one that keeps a single core busy.
    public var sideWork: (@Sendable () -> Void)?

    public init(workers: Int = min(ProcessInfo.processInfo.activeProcessorCount, 8), minimumItems: Int = 2048,
                phaseEnded: (@Sendable (String) -> Void)? = nil) {
        self.workers = max(1, workers)
        self.minimumItems = minimumItems
        self.phaseEnded = phaseEnded
    }

    /// Every core, with the default thresholds.
    public static var standard: ExecutionOptions { ExecutionOptions() }
    /// One thread: the reference the parallel paths are compared against.
    public static var serial: ExecutionOptions { ExecutionOptions(workers: 1) }

    func phase(_ name: String) {
        phaseEnded?(name)
    }

    /// Starts the caller's side work (once it is time).
    func startSideWork() {
        sideWork?()
    }

    /// `body` over `0..<count` in contiguous chunks, at once when there are at least `minimum` items;
    /// the chunks' results joined in chunk order.
    func chunks<Value>(_ count: Int, minimum: Int? = nil, _ body: (Range<Int>) -> [Value]) -> [Value] {
        let workers = min(self.workers, count)
        guard count >= (minimum ?? minimumItems), workers > 1 else { return body(0..<count) }
        return withoutActuallyEscaping(body) { body in
            let work = ReadOnly(body)
            return ParallelChunks.map(count, minimum: 0, workers: workers) { work.value($0) }
        }
    }

    /// `transform` of each item, in item order.
    func map<Item, Value>(_ items: [Item], minimum: Int? = nil, _ transform: (Item) -> Value) -> [Value] {
        withoutActuallyEscaping(transform) { transform in
            let shared = ReadOnly((items: items, transform: transform))
            return chunks(items.count, minimum: minimum) { range in range.map { shared.value.transform(shared.value.items[$0]) } }
        }
    }

    /// The indices `items` sorted by `before`, a strict total order: the two halves at once, then merged.
    func sortedIndices(_ items: [Int], by before: (Int, Int) -> Bool) -> [Int] {
        guard workers > 1, items.count >= minimumItems else { return items.sorted(by: before) }
        return withoutActuallyEscaping(before) { before in
            let order = ReadOnly(before)
            return ParallelSort.sorted(items) { order.value($0, $1) }
        }
    }

    /// A value worked out on another thread while the caller goes on.
    func background<Value>(_ work: @escaping () -> Value) -> BackgroundValue<Value> {
        let shared = ReadOnly(work)
        return BackgroundValue(runOnAnotherThread: workers > 1) { shared.value() }
    }

    /// Lets another thread free a large graph of objects (the caller must hold no other reference).
    func release(_ object: consuming AnyObject) {
        if workers > 1 { BackgroundRelease.release(object) }
    }
}

/// A value other threads only read while a call of `ExecutionOptions` runs (see its documentation).
struct ReadOnly<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
