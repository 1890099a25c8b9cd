/// The characters YAML allows in a file, as libyaml's reader checks them, for readers that go without libyaml.
enum YAMLCharacter {
    /// The length of the well-formed UTF-8 sequence at `index` that is a printable YAML character and no line
    /// break (libyaml reads U+0085, U+2028 and U+2029 as breaks); nil for anything else. For non-ASCII bytes.
    static func printableLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum else { return nil }  // overlong
        switch value {
        case 0xA0...0xD7FF where value != 0x2028 && value != 0x2029, 0xE000...0xFFFD, 0x10000...0x10FFFF: return length
        default: return nil  // C1 controls, NEL, surrogates, U+FFFE, U+FFFF, the line and paragraph separators
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
