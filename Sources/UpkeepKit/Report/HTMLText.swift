/// Escaping for text and attribute values in the HTML report: `&`, `<`, `>`, `"` and `'` become character
/// references, so no name or free text from the inputs can open an element, close an attribute or start a
/// script. Control characters (which validation refuses in names) become spaces.
enum HTMLText {
    static func escape(_ text: String) -> String {
        let plain = text.utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) } ?? !text.utf8.contains(where: needsEscape)
        if plain { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output += Array("&amp;".utf8)
            case UInt8(ascii: "<"): output += Array("&lt;".utf8)
            case UInt8(ascii: ">"): output += Array("&gt;".utf8)
            case UInt8(ascii: "\""): output += Array("&quot;".utf8)
            case UInt8(ascii: "'"): output += Array("&#39;".utf8)
            case 0..<0x20 where byte != 0x0A, 0x7F: output.append(0x20)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || (byte < 0x20 && byte != 0x0A) || byte == 0x7F
    }
}
