/// Parses dot-separated decimal fields (`1.0.23.10605`, `202406.11.0`) straight from UTF-8, without
/// building substrings: version parsing runs for every pool of a large fleet.
enum DottedNumbers {
    /// The fields, or nil when a field is empty, holds a non-digit or has more than `maximumDigits`.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, maximumDigits: Int = 12) -> [Int]? {
        var fields: [Int] = []
        var value = 0
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                fields.append(value)
                value = 0
                digits = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= maximumDigits else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        fields.append(value)
        return fields
    }
}
