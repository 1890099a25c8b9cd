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

    static func quoted(_ text: String) -> String {
        // JSON string syntax is valid YAML double-quoted syntax.
        let rendered = JSONValue.string(text).rendered()
        return String(rendered.dropLast())
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
