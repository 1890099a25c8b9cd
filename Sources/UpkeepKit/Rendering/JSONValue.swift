/// A JSON document built in memory and written deterministically: keys sorted, two-space indent, the
/// layout of Python's `json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    public static func date(_ value: CalendarDate?) -> JSONValue { value.map { .string($0.description) } ?? .null }

    /// The document followed by a newline.
    public func rendered() -> String {
        rendered(inlineFrom: Int.max)
    }

    /// The document followed by a newline, with every array and object nested `depth` levels deep or
    /// deeper written on one line (`{"a": 1, "b": [2, 3]}`): the plan's layout, where each step is a
    /// block of one line per key.
    public func rendered(inlineFrom depth: Int) -> String {
        var writer = JSONWriter()
        writer.write(self, indent: 0, inlineFrom: depth)
        writer.newline()
        return writer.string
    }

    /// `rendered(inlineFrom:)` as UTF-8 bytes.
    public func renderedBytes(inlineFrom depth: Int) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(self, indent: 0, inlineFrom: depth)
        writer.newline()
        return writer.bytes
    }
}

/// Writes JSON values as UTF-8 into one growing buffer, so that a large plan is written without
/// building it as one tree or concatenating strings.
public struct JSONWriter: ~Copyable {
    private var buffer: ByteBuffer

    public init(capacity: Int = 4096) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// A copy of what was written.
    public var bytes: [UInt8] { buffer.bytes }

    /// What was written, in place.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try buffer.withBytes(body)
    }

    /// Forgets what was written, keeping the memory.
    public mutating func removeAll() {
        buffer.removeAll()
    }

    public var string: String { String(decoding: buffer.bytes, as: UTF8.self) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append($0) }
    }

    public mutating func newline() { buffer.append(UInt8(ascii: "\n")) }

    public mutating func append(_ other: [UInt8]) { buffer.append(other) }

    public mutating func indent(_ count: Int) {
        buffer.appendSpaces(count)
    }

    /// `"name": ` at an indent.
    public mutating func key(_ name: StaticString, indent count: Int) {
        indent(count)
        buffer.append(UInt8(ascii: "\""))
        raw(name)
        raw("\": ")
    }

    public mutating func writeInt(_ number: Int) {
        buffer.appendDecimal(number)
    }

    /// A string, or `null`.
    public mutating func writeString(_ text: String?) {
        if let text { writeString(text) } else { raw("null") }
    }

    /// `"2024-07-01"`, or `null` (the same text as `CalendarDate.description`, without building it).
    public mutating func writeDate(_ date: CalendarDate?) {
        guard let date else { raw("null"); return }
        guard DecimalDigits.fits(date) else { writeString(date.description); return }
        buffer.write(DecimalDigits.dateLength + 2) { out in
            out[0] = UInt8(ascii: "\"")
            DecimalDigits.putDate(date, at: out + 1)
            out[DecimalDigits.dateLength + 1] = UInt8(ascii: "\"")
        }
    }

    /// `"2024-07-07T03:00:00Z"`, or `null` (the same text as `Instant.description`).
    public mutating func writeInstant(_ instant: Instant?) {
        guard let instant else { raw("null"); return }
        guard DecimalDigits.fits(instant.utcDate) else { writeString(instant.description); return }
        buffer.write(DecimalDigits.instantLength + 2) { out in
            out[0] = UInt8(ascii: "\"")
            DecimalDigits.putInstant(instant, at: out + 1)
            out[DecimalDigits.instantLength + 1] = UInt8(ascii: "\"")
        }
    }

    public mutating func write(_ value: JSONValue, indent level: Int) {
        write(value, indent: level, inlineFrom: Int.max)
    }

    /// `inlineFrom`: how many levels below this value arrays and objects are written on one line.
    public mutating func write(_ value: JSONValue, indent level: Int, inlineFrom depth: Int) {
        if depth <= 0 { return writeInline(value) }
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .int(let number): buffer.appendDecimal(number)
        case .string(let text): writeString(text)
        case .array(let items):
            guard !items.isEmpty else { raw("[]"); return }
            raw("[\n")
            for (index, item) in items.enumerated() {
                indent(level + 2)
                write(item, indent: level + 2, inlineFrom: depth - 1)
                if index < items.count - 1 { buffer.append(UInt8(ascii: ",")) }
                newline()
            }
            indent(level)
            buffer.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { raw("{}"); return }
            raw("{\n")
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                indent(level + 2)
                writeString(key)
                raw(": ")
                if let member = members[key] { write(member, indent: level + 2, inlineFrom: depth - 1) }
                if index < keys.count - 1 { buffer.append(UInt8(ascii: ",")) }
                newline()
            }
            indent(level)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// A value on one line: `{"a": 1, "b": [2, 3]}`, keys sorted.
    public mutating func writeInline(_ value: JSONValue) {
        switch value {
        case .null, .bool, .int, .string:
            write(value, indent: 0, inlineFrom: Int.max)
        case .array(let items):
            raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(", ") }
                writeInline(item)
            }
            raw("]")
        case .object(let members):
            raw("{")
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                if index > 0 { raw(", ") }
                writeString(key)
                raw(": ")
                if let member = members[key] { writeInline(member) }
            }
            raw("}")
        }
    }

    public mutating func writeString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        // Read in place: a copy would touch the string's reference count, which the threads that
        // render a plan share.
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if written == nil { writeEscaped(Array(text.utf8)) }
        buffer.append(UInt8(ascii: "\""))
    }

    /// `"PREFIX…"`: the prefix (plain ASCII) and then `text`, escaped, without building the joined string first
    /// (each of a large plan's steps writes its subject this way).
    public mutating func writeString(_ text: String, prefix: StaticString) {
        buffer.append(UInt8(ascii: "\""))
        prefix.withUTF8Buffer { buffer.append($0) }
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if written == nil { writeEscaped(Array(text.utf8)) }
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escaping: copy them whole.
        if JSONWriter.needsNoEscape(utf8) {
            buffer.append(utf8)
            return
        }
        // Otherwise the runs between the bytes that need escaping are copied whole.
        var run = 0
        for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            buffer.append(UnsafeBufferPointer(rebasing: utf8[run..<offset]))
            run = offset + 1
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                let hex: StaticString = "0123456789abcdef"
                raw("\\u00")
                buffer.append(hex.utf8Start[Int(byte >> 4)])
                buffer.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        buffer.append(UnsafeBufferPointer(rebasing: utf8[run...]))
    }

    /// True when no byte is a control character, a quote or a backslash. Eight bytes at a time: a byte
    /// below 0x20, or equal to `"` or `\` once xored away, sets the high bit of its lane in
    /// `(w - 0x01…) & ~w & 0x80…` (bytes of 0x80 and over, parts of UTF-8 sequences, never do).
    static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawPointer(start)
        var offset = 0
        while offset + 8 <= utf8.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let below = (word &- ones &* 0x20) & ~word
            let quotes = (quote &- ones) & ~quote
            let backslashes = (backslash &- ones) & ~backslash
            if (below | quotes | backslashes) & highs != 0 { return false }
            offset += 8
        }
        while offset < utf8.count {
            let byte = utf8[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            offset += 1
        }
        return true
    }

    private mutating func writeEscaped(_ utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { writeEscaped($0) }
    }
}
