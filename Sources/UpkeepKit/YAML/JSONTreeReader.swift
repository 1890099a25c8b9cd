/// Strict JSON — most of what `upkeep inventory` reads, a Resource Graph result of ten thousand clusters in one
/// file — read straight into the located tree, with the texts, styles and marks libyaml gives the same bytes
/// (JSON is YAML: its strings are double-quoted scalars; its numbers, `true`, `false` and `null` plain ones).
///
/// It takes only what it reads exactly as libyaml does and returns nil for anything else: not JSON, a root that
/// is no object or list, a tab, a lone carriage return, a character YAML does not allow or reads as a line break
/// (U+0085, U+2028, U+2029), a surrogate escape, a repeated key, a key libyaml would not take as one (with a line
/// break or a thousand bytes before its colon), nesting past the limit. `YAMLReader` then reads the file with
/// libyaml, which reports each problem where it is. A test and the YAML fuzz target check that both readers give
/// the same documents wherever this one takes a file.
struct JSONTreeReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0
    private var depth = 0
    private var line: Int32 = 1
    private var lineStart = 0
    /// UTF-8 continuation bytes between the start of the line and `index`: libyaml counts columns in characters.
    private var continuationBytes = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The one document of a JSON object or list, or nil when libyaml must read the bytes.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, limits: YAMLLimits) -> [YAMLDocument]? {
        var reader = JSONTreeReader(bytes: bytes, maximumDepth: limits.maximumDepth)
        guard reader.skipSpace(), reader.index < bytes.count,
              bytes[reader.index] == UInt8(ascii: "{") || bytes[reader.index] == UInt8(ascii: "[") else { return nil }
        let mark = reader.mark
        guard let root = reader.value(), reader.skipSpace(), reader.index == bytes.count else { return nil }
        return [YAMLDocument(path: path, root: root, mark: mark)]
    }

    private var mark: Mark {
        Mark(line: line, column: Int32(truncatingIfNeeded: index - lineStart - continuationBytes + 1))
    }

    /// Skips spaces and line breaks (LF or CR LF); false at a tab or a lone CR, which libyaml may read otherwise.
    private mutating func skipSpace() -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
                continuationBytes = 0
            case UInt8(ascii: "\r"):
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { return false }
                index += 1
            case UInt8(ascii: "\t"):
                return false
            default:
                return true
            }
        }
        return true
    }

    private mutating func value() -> YAMLNode? {
        guard skipSpace(), index < bytes.count else { return nil }
        let mark = self.mark
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map { .scalar(YAMLScalar(text: $0, style: .doubleQuoted, mark: mark)) }
        default:
            let start = index
            guard let end = JSONGrammar.wordEnd(bytes, from: index) ?? JSONGrammar.numberEnd(bytes, from: index) else { return nil }
            index = end
            guard endsPlainScalar() else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            return .scalar(YAMLScalar(text: text, style: .plain, mark: mark))
        }
    }

    private mutating func object() -> YAMLNode? {
        let mark = self.mark
        guard depth < maximumDepth else { return nil }
        index += 1
        depth += 1
        defer { depth -= 1 }
        var entries: [YAMLMappingEntry] = []
        var keys = Set<String>()
        guard skipSpace(), index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .mapping(YAMLMapping(entries: entries, mark: mark))
        }
        while true {
            guard skipSpace(), index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyMark = self.mark, keyStart = index
            guard let key = string(), skipSpace(), index < bytes.count, bytes[index] == UInt8(ascii: ":"),
                  line == keyMark.line, index - keyStart < 1000 else { return nil }
            index += 1
            guard let value = value() else { return nil }
            // A repeated key is reported by the YAML reader (with where it was first given).
            if entries.count < 16 {
                guard !entries.contains(where: { $0.key.text == key }) else { return nil }
            } else {
                if keys.isEmpty { keys = Set(entries.map(\.key.text)) }
                guard keys.insert(key).inserted else { return nil }
            }
            entries.append(YAMLMappingEntry(key: YAMLScalar(text: key, style: .doubleQuoted, mark: keyMark), value: value))
            guard skipSpace(), index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "}") else { return nil }
            index += 1
            return .mapping(YAMLMapping(entries: entries, mark: mark))
        }
    }

    private mutating func array() -> YAMLNode? {
        let mark = self.mark
        guard depth < maximumDepth else { return nil }
        index += 1
        depth += 1
        defer { depth -= 1 }
        var items: [YAMLNode] = []
        guard skipSpace(), index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .sequence(YAMLSequence(items: items, mark: mark))
        }
        while true {
            guard let item = value() else { return nil }
            items.append(item)
            guard skipSpace(), index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "]") else { return nil }
            index += 1
            return .sequence(YAMLSequence(items: items, mark: mark))
        }
    }

    /// A string's text, its escapes decoded; nil for a control character, a character YAML does not allow or
    /// reads as a break, malformed UTF-8, or an escape JSON does not have or libyaml refuses (a surrogate).
    private mutating func string() -> String? {
        index += 1
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let end = index
                index += 1
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                return escaped ? Self.unescape(raw) : String(decoding: raw, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
            } else if byte < 0x20 || byte == 0x7F {
                return nil
            } else if byte < 0x80 {
                index += 1
            } else {
                guard let length = YAMLCharacter.printableLength(bytes, at: index) else { return nil }
                index += length
                continuationBytes += length - 1
            }
        }
        return nil
    }

    /// The text of a string's bytes between its quotes, with JSON's escapes decoded.
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            guard raw[index] == UInt8(ascii: "\\") else {
                text.append(raw[index])
                index += 1
                continue
            }
            guard index + 1 < raw.count else { return nil }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 4 <= raw.count else { return nil }
                var value: UInt32 = 0
                for digit in raw[index..<index + 4] {
                    guard let nibble = YAMLCharacter.hexValue(digit) else { return nil }
                    value = value << 4 | nibble
                }
                index += 4
                guard let scalar = Unicode.Scalar(value) else { return nil }  // a surrogate: libyaml refuses it
                text.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return nil
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A number or word ends where JSON puts a separator after it (libyaml's plain scalar ends there too).
    private func endsPlainScalar() -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return true
        default: return false
        }
    }
}
