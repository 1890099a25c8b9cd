import Foundation
import Testing
@testable import UpkeepKit

@Suite("Writers: JSON, YAML, Markdown escaping")
struct WriterTests {
    @Test func jsonEscapesWhatItMustAndSortsKeys() throws {
        let value = JSONValue.object(["b": .string("quote \" backslash \\ tab \t bell \u{07}"), "a": .array([.int(1), .null, .bool(true)]), "c": .object([:])])
        let text = value.rendered()
        #expect(text == "{\n  \"a\": [\n    1,\n    null,\n    true\n  ],\n  \"b\": \"quote \\\" backslash \\\\ tab \\t bell \\u0007\",\n  \"c\": {}\n}\n")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["b"] as? String == "quote \" backslash \\ tab \t bell \u{07}")
    }

    /// The eight-bytes-at-a-time check must agree with a byte-by-byte one wherever the byte to escape
    /// sits (in a word, at its edges, in the tail) and must not flag UTF-8 text.
    @Test func jsonEscapeCheckAgreesWithOneByteAtATime() {
        func needsEscape(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        var cases: [[UInt8]] = [[], Array("plain text, no escapes at all here".utf8), Array("é ü ß 東京 — ok".utf8)]
        for length in 0..<20 {
            for position in 0..<max(1, length) {
                for special: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    if length > 0 { bytes[position] = special }
                    cases.append(bytes)
                }
            }
        }
        for bytes in cases {
            #expect(bytes.withUnsafeBufferPointer(JSONWriter.needsNoEscape) == !needsEscape(bytes), "\(bytes)")
        }
    }

    /// Dates and instants are written by one layout for their text and for JSON; years of other than
    /// four digits fall back to the padded text, on both sides of the edges.
    @Test func datesAndInstantsReadTheSameInTextAndJSON() {
        let edges = [CalendarDate.days(year: 0, month: 1, day: 1), CalendarDate.days(year: 9999, month: 12, day: 31)]
        let days = edges.flatMap { [$0 - 1, $0, $0 + 1] } + [0, 19_905, -1]
        for day in days {
            let date = CalendarDate(daysSinceEpoch: day)
            let instant = Instant(startOf: date).adding(minutes: 7 * 60 + 5)
            var writer = JSONWriter()
            writer.writeDate(date)
            writer.raw(" ")
            writer.writeInstant(instant)
            #expect(writer.string == "\"\(date)\" \"\(instant)\"")
            let (year, month, day) = date.components
            #expect(date.description == CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2) + "-" + CalendarDate.pad(day, 2))
            #expect(instant.description == "\(date)T07:05:00Z")
        }
        #expect(CalendarDate(daysSinceEpoch: 19_905).description == "2024-07-01")
    }

    @Test func yamlQuotesEveryStringSoThatVersionsStayStrings() {
        let yaml = YAMLWriter.render(.object(["version": .string("1.30"), "flag": .string("yes"), "list": .array([.string("on"), .int(3)]), "empty": .array([])]))
        #expect(yaml == "empty: []\nflag: \"yes\"\nlist:\n  - \"on\"\n  - 3\nversion: \"1.30\"\n")
        let (documents, log) = TestSupport.readYAML(yaml)
        #expect(log.diagnostics.isEmpty)
        #expect(documents.first?.root.mapping?["version"]?.scalar?.style == .doubleQuoted)
    }

    /// Every text reads back as itself, through libyaml as Upkeep reads YAML: also the characters YAML reads as
    /// line breaks (NEL, LS, PS) and those it refuses in a file (DEL, C1 controls, U+FFFE, U+FFFF).
    @Test func yamlQuotedTextReadsBackAsItself() throws {
        let texts = ["a\u{2028}b", "a\u{2029}b", "a\u{85}b", "a\u{7F}b", "a\u{9F}b", "\u{FFFE}\u{FFFF}", "tab\tnew\nline \"q\" \\",
                     "ünï \u{202E} 日本 😀", "plain"]
        for text in texts {
            let yaml = "name: \(YAMLWriter.quoted(text))\n"
            let log = DiagnosticLog()
            let document = try #require(YAMLReader().read(yaml, path: "q.yaml", log: log).first)
            #expect(log.diagnostics.isEmpty, "\(log.sorted)")
            #expect(document.root.mapping?["name"]?.scalar?.text == text, "\(yaml)")
        }
        #expect(YAMLWriter.quoted("a\u{2028}b") == #""a\u2028b""#)
    }

    @Test func markdownCellsCannotBreakTheTable() {
        #expect(MarkdownText.escape("a|b <script> *x* [link]") == "a\\|b &lt;script&gt; \\*x\\* \\[link\\]")
        #expect(MarkdownText.escape("two\nlines") == "two lines")
        // A code span outside tables shows its text as it is: a longer fence around backticks, no pipe escape.
        #expect(MarkdownText.code("x`y|z") == "``x`y|z``")
        #expect(MarkdownText.code("`edge`") == "`` `edge` ``")
        #expect(MarkdownText.code("a\\b") == "`a\\b`")
    }

    @Test func instantsAreWrittenInUTCWithSeconds() {
        #expect(Instant(minutesSinceEpoch: 0).description == "1970-01-01T00:00:00Z")
        #expect(Instant(startOf: SupportFixtures.date("2024-02-29")).adding(minutes: 23 * 60 + 59).description == "2024-02-29T23:59:00Z")
        #expect(Instant(minutesSinceEpoch: -1).description == "1969-12-31T23:59:00Z")
    }

    @Test func sha256MatchesTheStandardTestVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Every length around the block and padding edges, and a large input, against Python's hashlib.
    @Test func sha256AgreesWithHashlibAtEveryBlockEdge() throws {
        let lengths = [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 1_000_003]
        let script = "import hashlib, sys\nfor n in map(int, sys.argv[1:]):\n    print(hashlib.sha256(bytes((i * 7 + 3) % 256 for i in range(n))).hexdigest())"
        let run = try TestSupport.python(["-c", script] + lengths.map(String.init))
        #expect(run.status == 0, "\(run.output)")
        let expected = run.output.split(separator: "\n").map(String.init)
        #expect(expected.count == lengths.count)
        for (length, digest) in zip(lengths, expected) {
            #expect(SHA256.hex((0..<length).map { UInt8(($0 * 7 + 3) % 256) }) == digest, "\(length)")
        }
    }
}
