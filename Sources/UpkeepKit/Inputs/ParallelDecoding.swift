/// Decodes the items of a long list on every core (through `ParallelChunks`). Each chunk gets its own
/// diagnostic log, merged back in list order, so the result and the diagnostics are the same as
/// decoding one by one.
enum ParallelDecoding {
    /// Below this many items the threads cost more than they save.
    static let minimumItems = 512

    static func map<Value: Sendable>(_ items: [YAMLNode], _ context: DecodingContext,
                                     _ decode: @escaping @Sendable (YAMLNode, DecodingContext) -> Value?) -> [Value] {
        guard items.count >= minimumItems else { return items.compactMap { decode($0, context) } }
        let document = context.document
        let strict = context.log.strict
        let chunks = ParallelChunks.map(items.count, minimum: minimumItems) { range -> [(values: [Value], diagnostics: [Diagnostic])] in
            let log = DiagnosticLog(strict: strict)
            let local = DecodingContext(document: document, log: log)
            return [(items[range].compactMap { decode($0, local) }, log.diagnostics)]
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for chunk in chunks {
            values += chunk.values
            for diagnostic in chunk.diagnostics { context.log.append(diagnostic) }
        }
        return values
    }
}
