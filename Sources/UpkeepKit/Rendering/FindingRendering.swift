/// How findings look in every output, shared by status and plan renderers.
extension Finding {
    public var json: JSONValue {
        .object([
            "severity": .string(severity.rawValue),
            "code": .string(code),
            "subject": .string(subject),
            "message": .string(message),
            "position": .string(position?.description),
        ])
    }

    /// `error kubelet-skew cluster/a/pool/b: message (fleet.yaml:12:9)`
    public var textLine: String {
        "\(severity.rawValue) \(code) \(subject): \(message)" + (position.map { " (\($0))" } ?? "")
    }

    /// A Markdown list item with a severity mark.
    public var markdownLine: String {
        let mark = severity == .error ? "❌ **error**" : "⚠️ **warning**"
        let place = position.map { " — \(MarkdownText.code($0.description))" } ?? ""
        return "- \(mark) \(MarkdownText.code(code)) \(MarkdownText.code(subject)): \(MarkdownText.escape(message))\(place)"
    }
}

/// Escaping for text placed in Markdown tables and lists.
public enum MarkdownText {
    /// Escapes characters that would break a table cell or be read as HTML or emphasis.
    public static func escape(_ text: String) -> String {
        // Most names and reasons hold none of these: returned as they are.
        let plain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) } ?? !text.utf8.contains(where: needsEscape)
        if plain { return text }
        do {
            let utf8 = text.utf8
            var output: [UInt8] = []
            output.reserveCapacity(utf8.count + 16)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "|"): output += [0x5C, byte]
                case UInt8(ascii: "<"): output += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
                case UInt8(ascii: ">"): output += [0x26, 0x67, 0x74, 0x3B]  // &gt;
                case UInt8(ascii: "&"): output += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"): output += [0x5C, byte]
                case 0x0A, 0x0D: output.append(0x20)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), 0x0A, 0x0D: return true
        default: return false
        }
    }

    /// A code span outside tables (list items, headings): fenced by more backticks than any run inside it,
    /// padded when it starts or ends with one, on one line. Nothing else is escaped there: a backslash or a
    /// pipe inside a code span is shown as it is.
    public static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for byte in text.utf8 { run = byte == UInt8(ascii: "`") ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let flat = text.replacingEvery("\n", with: " ").replacingEvery("\r", with: " ")
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }
}
