import Testing
@testable import UpkeepKit

/// The YAML plan is read back from the JSON plan's bytes: the reader must give back exactly what the
/// writer wrote, whatever the names hold.
@Suite("Reading the plan's JSON back")
struct JSONParserTests {
    @Test func whatTheWriterWritesReadsBackTheSame() throws {
        let value = JSONValue.object([
            "name": .string("a \"quoted\" \\ name | <script> ../x\n\ttab é 🚀 \u{1}"),
            "count": .int(-42), "flag": .bool(true), "none": .null,
            "list": .array([.int(0), .string(""), .array([]), .object([:])]),
        ])
        let text = value.rendered(inlineFrom: 3)
        #expect(JSONParser.parse(Array(text.utf8)) == value)
    }

    @Test func surrogatePairsAndEscapesAreDecoded() {
        #expect(JSONParser.parse(Array(#"["\ud83d\ude80", "\u00e9", "\/"]"#.utf8)) == .array([.string("🚀"), .string("é"), .string("/")]))
    }

    @Test func malformedTextGivesNothing() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "\"open", "[1] 2", "1.5", "\"\\ud83d\"", String(repeating: "[", count: 300) + String(repeating: "]", count: 300)] {
            #expect(JSONParser.parse(Array(text.utf8)) == nil, "\(text.prefix(20))")
        }
    }
}
