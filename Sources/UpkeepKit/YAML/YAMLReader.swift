import CLibYAML
import Dispatch
import Foundation

/// Reads YAML (and JSON) with libyaml's event API straight into the located document tree; strict JSON goes
/// to `JSONTreeReader` first, which gives the same tree without libyaml or leaves the file to it.
///
/// Every problem is reported to the log with its position; a syntax error or a broken limit stops the
/// file there, but the documents read before it are kept.
public struct YAMLReader: Sendable {
    public var limits: YAMLLimits
    /// From this many bytes on, libyaml parses on one thread while the tree is built on another (the
    /// tests lower it to read small files both ways).
    var parseAlongsideFrom = 1 << 20
    /// Strict JSON is read without libyaml (`JSONTreeReader`: the same documents, several times faster); the
    /// tests turn it off to compare both readers.
    var readsJSONDirectly = true

    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Reads every document of `bytes`, reporting problems against `path`.
    public func read(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> [YAMLDocument] {
        guard bytes.count <= limits.maximumFileBytes else {
            log.error(SourcePosition(path: path, line: 1, column: 1),
                      "the file is \(bytes.count) bytes, over the limit of \(limits.maximumFileBytes % 1_048_576 == 0 ? "\(limits.maximumFileBytes / 1_048_576) MiB" : "\(limits.maximumFileBytes) bytes").")
            return []
        }
        return bytes.withUnsafeBufferPointer { buffer in
            if readsJSONDirectly, let documents = JSONTreeReader.read(buffer, path: path, limits: limits) { return documents }
            var builder = TreeBuilder(path: path, limits: limits, log: log)
            return builder.parse(buffer, parseAlongsideFrom: parseAlongsideFrom)
        }
    }

    public func read(_ text: String, path: String, log: DiagnosticLog) -> [YAMLDocument] {
        read(Array(text.utf8), path: path, log: log)
    }
}

/// The event loop: a stack of open collections, the anchors seen so far, and the running counts that
/// enforce the depth and alias limits.
private struct TreeBuilder {
    let path: String
    let limits: YAMLLimits
    let log: DiagnosticLog

    private struct OpenCollection {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        /// Where this collection's children start in `scratch`: sequence items, or mapping keys and
        /// values alternating.
        var firstChild: Int
        /// Nodes in this collection once aliases are expanded, itself included.
        var weight: Int = 1
    }

    private var stack: [OpenCollection] = []
    /// The children of every open collection, innermost last; one buffer reused for the whole file so
    /// that each collection costs one exact-size allocation.
    private var scratch: [YAMLNode] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var aliasExpansion = 0
    private var documents: [YAMLDocument] = []
    private var documentMark = Mark(line: 1, column: 1)
    private var documentRoot: YAMLNode?

    init(path: String, limits: YAMLLimits, log: DiagnosticLog) {
        self.path = path
        self.limits = limits
        self.log = log
    }

    private func position(_ mark: Mark) -> SourcePosition {
        SourcePosition(path: path, line: Int(mark.line), column: Int(mark.column))
    }

    /// Events per batch handed from the parser to the tree.
    private static let batchSize = 4096

    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, parseAlongsideFrom: Int) -> [YAMLDocument] {
        let source = YAMLEventSource(buffer)
        guard source.isReady else {
            log.error(position(Mark(line: 1, column: 1)), "the YAML parser could not start (out of memory).")
            return []
        }
        guard buffer.count >= parseAlongsideFrom else {
            var batch = YAMLEventBatch()
            repeat {
                source.next(into: &batch, limit: Self.batchSize)
                guard consume(batch) else { break }
            } while !batch.isLast
            return documents
        }
        // libyaml parses on another thread, a few batches ahead; the tree is built here.
        HandOff.run(batches: 4, empty: YAMLEventBatch(), producer: source, fill: { source, batch in
            source.next(into: &batch, limit: Self.batchSize)
            return batch.isLast
        }, use: { batch in consume(batch) })
        return documents
    }

    /// Handles a batch's events; false once the file stops (a limit broken, a syntax error).
    private mutating func consume(_ batch: YAMLEventBatch) -> Bool {
        let finished = batch.bytes.withUnsafeBufferPointer { bytes in
            for event in batch.events {
                if !handle(event, bytes) || event.type == YAML_STREAM_END_EVENT { return true }
            }
            return false
        }
        if finished { return false }
        if let error = batch.syntaxError {
            log.error(position(error.mark), "YAML syntax error: \(error.message).")
            return false
        }
        return true
    }

    private static func text(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        range.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Handles one event; false stops the file (a limit was broken).
    private mutating func handle(_ event: YAMLEventBatch.Event, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let mark = event.mark
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentMark = mark
            documentRoot = nil
            anchors.removeAll(keepingCapacity: true)
            aliasExpansion = 0
        case YAML_DOCUMENT_END_EVENT:
            let root = documentRoot ?? .scalar(YAMLScalar(text: "", style: .plain, mark: documentMark))
            documents.append(YAMLDocument(path: path, root: root, mark: documentMark))
        case YAML_SCALAR_EVENT:
            let scalar = YAMLScalar(text: Self.text(event.value, bytes), style: event.style, mark: mark, tag: event.tag)
            return add(.scalar(scalar), weight: 1, anchor: event.anchor.map { Self.text($0, bytes) }, mark: mark)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maximumDepth else {
                log.error(position(mark), "the document nests deeper than \(limits.maximumDepth) levels; the file is not read further.")
                return false
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            stack.append(OpenCollection(isMapping: isMapping, mark: mark, anchor: event.anchor.map { Self.text($0, bytes) }, firstChild: scratch.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast() else { return true }
            let node = close(open)
            scratch.removeLast(scratch.count - open.firstChild)
            return add(node, weight: open.weight, anchor: open.anchor, mark: open.mark)
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.value, bytes)
            guard let target = anchors[name] else {
                log.error(position(mark), "the alias *\(name) refers to no anchor defined before it in this document.")
                return add(.scalar(YAMLScalar(text: "", style: .plain, mark: mark)), weight: 1, anchor: nil, mark: mark)
            }
            aliasExpansion += target.weight
            guard aliasExpansion <= limits.maximumAliasExpansion else {
                log.error(position(mark), "aliases in this document would expand past \(limits.maximumAliasExpansion) nodes; the file is not read further.")
                return false
            }
            return add(target.node, weight: target.weight, anchor: nil, mark: mark)
        default:
            break
        }
        return true
    }

    /// Builds the finished collection from its children in `scratch` (the slice must not outlive this
    /// call, or trimming `scratch` afterwards would copy the whole buffer).
    private func close(_ open: OpenCollection) -> YAMLNode {
        let children = scratch[open.firstChild...]
        return open.isMapping
            ? .mapping(buildMapping(children, mark: open.mark))
            : .sequence(YAMLSequence(items: Array(children), mark: open.mark))
    }

    private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?, mark: Mark) -> Bool {
        if let anchor { anchors[anchor] = (node, weight) }
        if stack.isEmpty {
            documentRoot = node
        } else {
            scratch.append(node)
            stack[stack.count - 1].weight += weight
        }
        return true
    }

    /// Pairs up keys and values, reports non-scalar and repeated keys, and applies `<<` merges.
    private func buildMapping(_ children: ArraySlice<YAMLNode>, mark: Mark) -> YAMLMapping {
        var entries: [YAMLMappingEntry] = []
        entries.reserveCapacity(children.count / 2)
        var merges: [(YAMLNode, Mark)] = []
        var firstMarks: [String: Mark] = [:]
        let useDictionary = children.count > 16
        var index = children.startIndex
        while index + 1 < children.endIndex {
            let keyNode = children[index], value = children[index + 1]
            index += 2
            guard case .scalar(let key) = keyNode else {
                log.error(position(keyNode.mark), "a mapping key must be a plain value, not \(keyNode.kindDescription).")
                continue
            }
            if key.style == .plain && key.text == "<<" && key.tag != .other {
                merges.append((value, key.mark))
                continue
            }
            let first: Mark?
            if useDictionary {
                first = firstMarks[key.text]
                if first == nil { firstMarks[key.text] = key.mark }
            } else {
                first = entries.first { $0.key.text == key.text }?.key.mark
            }
            if let first {
                log.error(position(key.mark), "the key \"\(key.text)\" is repeated in this mapping; it was first given at line \(first.line), column \(first.column).")
                continue
            }
            entries.append(YAMLMappingEntry(key: key, value: value))
        }
        guard !merges.isEmpty else { return YAMLMapping(entries: entries, mark: mark) }

        var present = Set(entries.map(\.key.text))
        for (value, mergeMark) in merges {
            let sources: [YAMLNode]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let sequence): sources = sequence.items
            case .scalar:
                log.error(position(mergeMark), "a << merge key takes a mapping or a list of mappings, not \(value.kindDescription).")
                continue
            }
            for source in sources {
                guard case .mapping(let merged) = source else {
                    log.error(position(source.mark), "a << merge key takes a mapping or a list of mappings, not \(source.kindDescription).")
                    continue
                }
                for entry in merged.entries where !present.contains(entry.key.text) {
                    present.insert(entry.key.text)
                    entries.append(entry)
                }
            }
        }
        return YAMLMapping(entries: entries, mark: mark)
    }
}
