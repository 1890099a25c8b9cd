import Dispatch
import Foundation

/// Decodes the items of a long list on every core. Each slice gets its own diagnostic log, merged
/// back in list order, so the result and the diagnostics are the same as decoding one by one.
enum ParallelDecoding {
    /// Below this many items the threads cost more than they save.
    static let minimumItems = 512

    static func map<Value: Sendable>(_ items: [YAMLNode], _ context: DecodingContext,
                                     _ decode: @escaping @Sendable (YAMLNode, DecodingContext) -> Value?) -> [Value] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard items.count >= minimumItems, workers > 1 else { return items.compactMap { decode($0, context) } }
        let document = context.document
        let strict = context.log.strict
        let sliceSize = (items.count + workers - 1) / workers
        let results = SliceResults<Value>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * sliceSize, end = min(items.count, start + sliceSize)
            guard start < end else { return }
            let log = DiagnosticLog(strict: strict)
            let local = DecodingContext(document: document, log: log)
            let values = items[start..<end].compactMap { decode($0, local) }
            results.store(worker, values: values, diagnostics: log.diagnostics)
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for slice in results.slices {
            values += slice.values
            for diagnostic in slice.diagnostics { context.log.append(diagnostic) }
        }
        return values
    }
}

/// Where each worker leaves its slice; every worker writes only its own index, under a lock.
private final class SliceResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var slices: [(values: [Value], diagnostics: [Diagnostic])]

    init(count: Int) {
        slices = Array(repeating: ([], []), count: count)
    }

    func store(_ index: Int, values: [Value], diagnostics: [Diagnostic]) {
        lock.lock()
        slices[index] = (values, diagnostics)
        lock.unlock()
    }
}
