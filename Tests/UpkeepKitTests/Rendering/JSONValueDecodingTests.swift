import Testing
@testable import UpkeepKit

/// The YAML plan is read back from the JSON plan's bytes with `JSONDecoder`: it must give back exactly what the
/// writer wrote, whatever the names hold.
@Suite("Reading the plan's JSON back")
struct JSONValueDecodingTests {
    @Test func whatTheWriterWritesReadsBackTheSame() throws {
        let value = JSONValue.object([
            "name": .string("a \"quoted\" \\ name | <script> ../x\n\ttab é 🚀 \u{1}"),
            "count": .int(-42), "flag": .bool(true), "none": .null,
            "list": .array([.int(0), .string(""), .array([]), .object([:])]),
        ])
        let text = value.rendered(inlineFrom: 3)
        #expect(JSONValue.decode(Array(text.utf8)) == value)
    }

    @Test func surrogatePairsAndEscapesAreDecoded() {
        #expect(JSONValue.decode(Array(#"["\ud83d\ude80", "\u00e9", "\/"]"#.utf8)) == .array([.string("🚀"), .string("é"), .string("/")]))
    }

    /// Not JSON, a number that is not whole, and nesting past JSONDecoder's depth limit give nothing (and do not
    /// crash). JSONDecoder accepts a trailing comma (`[1,]`); no reader of Upkeep's own files depends on either.
    @Test func malformedTextGivesNothing() {
        for text in ["", "{", "{\"a\" 1}", "\"open", "[1] 2", "1.5", "\"\\ud83d\"", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)] {
            #expect(JSONValue.decode(Array(text.utf8)) == nil, "\(text.prefix(20))")
        }
    }
}
