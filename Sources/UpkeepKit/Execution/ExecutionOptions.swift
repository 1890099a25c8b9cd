import Dispatch
import Foundation

/// How the planner's work is spread over the cores, and who hears about its phases: the one value the
/// planning pipeline decides chunking by. The stages never start threads themselves; they hand
/// per-item functions to these methods, which split the items into contiguous chunks, run the chunks at
/// once and put the results back in item order — so every result is the one a single pass gives.
///
/// The closures given here are `@Sendable` and their results `Sendable`: the compiler checks that they
/// capture only values other threads may read, and write only their own results.
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
    func chunks<Value: Sendable>(_ count: Int, minimum: Int? = nil, _ body: @Sendable (Range<Int>) -> [Value]) -> [Value] {
        let workers = min(self.workers, count)
        guard count >= (minimum ?? minimumItems), workers > 1 else { return body(0..<count) }
        return ParallelChunks.map(count, minimum: 0, workers: workers, body)
    }

    /// `body` of each index of `0..<count`, in index order, the indices handed out one at a time to whichever core
    /// is free: for items of very different sizes (files), where contiguous chunks would leave one core waiting.
    func each<Value: Sendable>(_ count: Int, minimum: Int? = nil, _ body: @Sendable (Int) -> Value) -> [Value] {
        guard count >= (minimum ?? minimumItems), workers > 1 else { return (0..<count).map(body) }
        return ParallelEach.map(count, workers: workers, body)
    }

    /// `transform` of each item, in item order.
    func map<Item: Sendable, Value: Sendable>(_ items: [Item], minimum: Int? = nil, _ transform: @Sendable (Item) -> Value) -> [Value] {
        chunks(items.count, minimum: minimum) { range in range.map { transform(items[$0]) } }
    }

    /// The indices `items` sorted by `before`, a strict total order: the two halves at once, then merged.
    func sortedIndices(_ items: [Int], by before: @Sendable (Int, Int) -> Bool) -> [Int] {
        guard workers > 1, items.count >= minimumItems else { return items.sorted(by: before) }
        return ParallelSort.sorted(items, by: before)
    }

    /// A value worked out on another thread while the caller goes on.
    func background<Value: Sendable>(_ work: @escaping @Sendable () -> Value) -> BackgroundValue<Value> {
        BackgroundValue(runOnAnotherThread: workers > 1, work)
    }

    /// Lets another thread free a large graph of objects (the caller must hold no other reference).
    func release(_ object: consuming AnyObject) {
        if workers > 1 { BackgroundRelease.release(object) }
    }
}
