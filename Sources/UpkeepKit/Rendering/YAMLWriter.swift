/// Writes a JSON value as block YAML: every string double-quoted (so `1.30` stays a string and no
/// value is read as a boolean or a date), keys sorted like the JSON.
public enum YAMLWriter {
    public static func render(_ value: JSONValue) -> String {
        var lines: [String] = []
        write(value, indent: 0, into: &lines, prefix: nil)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .string(let text): return quoted(text)
        case .array(let items) where items.isEmpty: return "[]"
        case .object(let members) where members.isEmpty: return "{}"
        default: return nil
        }
    }

    /// `text` double-quoted so that YAML reads it back as itself. JSON string syntax is valid YAML double-quoted
    /// syntax, but YAML also reads U+0085, U+2028 and U+2029 as line breaks (folded into a space inside quotes) and
    /// refuses DEL, the C1 controls, U+FFFE and U+FFFF anywhere in a file: those are escaped too.
    static func quoted(_ text: String) -> String {
        let rendered = String(JSONValue.string(text).rendered().dropLast())
        guard rendered.utf8.contains(where: { $0 >= 0x7F }) else { return rendered }
        var escaped = String.UnicodeScalarView()
        // The JSON escapes took care of the control characters below 0x20.
        for scalar in rendered.unicodeScalars {
            guard !standsForItself(scalar) else {
                escaped.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(escaped)
    }

    /// Whether YAML reads this character, written as it is inside quotes, as itself: not a control character, not
    /// a line break YAML knows (NEL, LS, PS) and not a character YAML refuses in a file.
    static func standsForItself(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    private static func write(_ value: JSONValue, indent: Int, into lines: inout [String], prefix: String?) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members) where !members.isEmpty:
            var first = true
            for key in members.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
                guard let member = members[key] else { continue }
                let lead = first && prefix != nil ? (prefix ?? "") : pad
                first = false
                if let text = scalar(member) {
                    lines.append("\(lead)\(key): \(text)")
                } else {
                    lines.append("\(lead)\(key):")
                    write(member, indent: indent + 2, into: &lines, prefix: nil)
                }
            }
        case .array(let items) where !items.isEmpty:
            for item in items {
                if let text = scalar(item) {
                    lines.append("\(pad)- \(text)")
                } else {
                    write(item, indent: indent + 2, into: &lines, prefix: "\(pad)- ")
                }
            }
        default:
            lines.append(pad + (scalar(value) ?? "null"))
        }
    }
}
