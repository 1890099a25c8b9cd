import Testing
@testable import UpkeepKit

/// The words and numbers JSON has, where each ends, and what is none.
@Suite("JSON grammar")
struct JSONGrammarTests {
    static func end(_ text: String, _ scan: (UnsafeBufferPointer<UInt8>, Int) -> Int?) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { scan($0, 0) }
    }

    @Test func numbersEndWhereJSONEndsThem() {
        let numbers = ["0": 1, "-0": 2, "12,": 2, "1.5]": 3, "-0.25e+10}": 9, "2E3 ": 3, "01": 1, "7x": 1]
        for (text, end) in numbers { #expect(Self.end(text, JSONGrammar.numberEnd) == end, "\(text)") }
        for text in ["", "-", "1.", ".5", "1e", "1e+", "+1", "x"] { #expect(Self.end(text, JSONGrammar.numberEnd) == nil, "\(text)") }
    }

    @Test func wordsAreTrueFalseAndNull() {
        for (text, end) in ["true": 4, "false,": 5, "null}": 4] { #expect(Self.end(text, JSONGrammar.wordEnd) == end, "\(text)") }
        for text in ["", "tru", "True", "nul", "fals", "yes"] { #expect(Self.end(text, JSONGrammar.wordEnd) == nil, "\(text)") }
    }
}
