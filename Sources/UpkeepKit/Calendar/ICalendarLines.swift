/// RFC 5545's text rules: content lines end in CRLF and are folded at 75 octets (a continuation line starts
/// with one space) without splitting a UTF-8 character; TEXT values escape `\`, `;`, `,` and line breaks.
/// Written as bytes: a large fleet's calendar has tens of thousands of events.
struct ICalendarLines {
    private(set) var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Lines written elsewhere (a chunk of events), in order.
    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// `NAME:value` with the value written as it is (it must already be valid for its type).
    mutating func raw(_ name: String, _ value: String) {
        var line = Array(name.utf8)
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: value.utf8)
        fold(line)
    }

    /// `NAME:value` with the value escaped as TEXT.
    mutating func text(_ name: String, _ value: String) {
        var line = Array(name.utf8)
        line.append(UInt8(ascii: ":"))
        Self.appendEscaped(value, to: &line)
        fold(line)
    }

    /// RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as `\n`, a tab as a space;
    /// other control characters (never meaningful in a calendar) dropped.
    static func escape(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        var previousWasCR = false
        for byte in value.utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
            case UInt8(ascii: ";"): out.append(0x5C); out.append(UInt8(ascii: ";"))
            case UInt8(ascii: ","): out.append(0x5C); out.append(UInt8(ascii: ","))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0A: if !previousWasCR { out.append(0x5C); out.append(UInt8(ascii: "n")) }
            case 0x09: out.append(0x20)
            case 0x00..<0x20, 0x7F: break
            default: out.append(byte)
            }
        }
    }

    /// Writes one content line, folded at 75 octets, never before a UTF-8 continuation byte (so never inside
    /// a character's encoding; a continuation line's leading space counts toward its 75).
    private mutating func fold(_ line: [UInt8]) {
        var start = 0
        var limit = 75
        while line.count - start > limit {
            var cut = start + limit
            while cut > start && line[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes.append(contentsOf: line[start..<cut])
            bytes.append(0x0D); bytes.append(0x0A); bytes.append(0x20)
            start = cut
            limit = 74
        }
        bytes.append(contentsOf: line[start...])
        bytes.append(0x0D); bytes.append(0x0A)
    }
}
