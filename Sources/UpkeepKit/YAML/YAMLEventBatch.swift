import CLibYAML

/// libyaml's events copied out of the parser, their texts in one byte buffer: the tree can then be
/// built on another thread than the one parsing (a large file is parsed and built at once).
struct YAMLEventBatch: Sendable {
    struct Event: Sendable {
        var type: yaml_event_type_t
        var mark: Mark
        var style: ScalarStyle = .plain
        var tag: ScalarTag = .none
        /// A scalar's text, or an alias's anchor name, in `bytes`.
        var value: Range<Int> = 0..<0
        /// The anchor a scalar or collection defines, in `bytes`.
        var anchor: Range<Int>?
    }

    var events: [Event] = []
    var bytes: [UInt8] = []
    /// Set on the batch where libyaml stopped on a syntax error: where, and the message's text.
    var syntaxError: (mark: Mark, message: String)?
    /// True on the batch that ends the stream (or stops at a syntax error).
    var isLast = false

    mutating func removeAll() {
        events.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        syntaxError = nil
        isLast = false
    }
}

/// Wraps a libyaml parser over a buffer and hands its events out in batches.
final class YAMLEventSource {
    /// libyaml's parser state, where libyaml's calls can reach it without an access to a stored property of
    /// this class at every event (a run-time exclusivity check each; 0.6% of the benchmark plan).
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let started: Bool
    private var finished = false

    /// The buffer must outlive the source.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        parser.initialize(to: yaml_parser_t())
        started = yaml_parser_initialize(parser) == 1
        if started { yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count) }
    }

    deinit {
        if started { yaml_parser_delete(parser) }
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// False when libyaml could not start (out of memory).
    var isReady: Bool { started }

    /// Fills `batch` with up to `limit` events (it is emptied first).
    func next(into batch: inout YAMLEventBatch, limit: Int) {
        batch.removeAll()
        guard started, !finished else { batch.isLast = true; return }
        var event = yaml_event_t()
        while batch.events.count < limit {
            guard yaml_parser_parse(parser, &event) == 1 else {
                batch.syntaxError = syntaxError()
                batch.isLast = true
                finished = true
                return
            }
            batch.events.append(copy(event, into: &batch.bytes))
            let end = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if end {
                batch.isLast = true
                finished = true
                return
            }
        }
    }

    private func copy(_ event: yaml_event_t, into bytes: inout [UInt8]) -> YAMLEventBatch.Event {
        var copied = YAMLEventBatch.Event(type: event.type, mark: Mark(line: Int32(clamping: event.start_mark.line + 1),
                                                                        column: Int32(clamping: event.start_mark.column + 1)))
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: copied.style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: copied.style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: copied.style = .literal
            case YAML_FOLDED_SCALAR_STYLE: copied.style = .folded
            default: copied.style = .plain
            }
            if let tag = data.tag, !Self.equals(tag, "!") {
                copied.tag = Self.equals(tag, "tag:yaml.org,2002:merge") ? .merge : .other
            }
            copied.value = Self.append(data.value, length: data.length, to: &bytes)
            copied.anchor = data.anchor.map { Self.append($0, to: &bytes) }
        case YAML_SEQUENCE_START_EVENT:
            copied.anchor = event.data.sequence_start.anchor.map { Self.append($0, to: &bytes) }
        case YAML_MAPPING_START_EVENT:
            copied.anchor = event.data.mapping_start.anchor.map { Self.append($0, to: &bytes) }
        case YAML_ALIAS_EVENT:
            copied.value = event.data.alias.anchor.map { Self.append($0, to: &bytes) } ?? 0..<0
        default:
            break
        }
        return copied
    }

    private static func append(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int, to bytes: inout [UInt8]) -> Range<Int> {
        let start = bytes.count
        guard let pointer, length > 0 else { return start..<start }
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: length))
        return start..<bytes.count
    }

    private static func append(_ pointer: UnsafeMutablePointer<yaml_char_t>, to bytes: inout [UInt8]) -> Range<Int> {
        append(pointer, length: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)), to: &bytes)
    }

    private static func equals(_ pointer: UnsafeMutablePointer<yaml_char_t>, _ text: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    private func syntaxError() -> (mark: Mark, message: String) {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "malformed YAML"
        var message = problem
        if let context = parser.pointee.context {
            message += " \(String(cString: context))"
            if parser.pointee.context_mark.line != parser.pointee.problem_mark.line || parser.pointee.context_mark.column != parser.pointee.problem_mark.column {
                message += " started at line \(parser.pointee.context_mark.line + 1), column \(parser.pointee.context_mark.column + 1)"
            }
        }
        return (Mark(line: Int32(clamping: parser.pointee.problem_mark.line + 1), column: Int32(clamping: parser.pointee.problem_mark.column + 1)), message)
    }
}
