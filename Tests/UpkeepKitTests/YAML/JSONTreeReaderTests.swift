import Foundation
import Testing
@testable import UpkeepKit

/// Strict JSON is read without libyaml; these tests read the same bytes both ways and expect the same documents
/// (texts, styles, positions) and the same problems, and check which texts the direct reader takes at all.
@Suite("JSON read without libyaml")
struct JSONTreeReaderTests {
    static func read(_ bytes: [UInt8], direct: Bool) -> (documents: [String], problems: [String]) {
        var reader = YAMLReader()
        reader.readsJSONDirectly = direct
        let log = DiagnosticLog()
        let documents = reader.read(bytes, path: "t.json", log: log)
        return (documents.map { "\($0.mark.line):\($0.mark.column) " + YAMLParseAlongsideTests.dump($0.root) }, log.diagnostics.map(\.description))
    }

    static func takesDirectly(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { JSONTreeReader.read($0, path: "t.json", limits: .standard) != nil }
    }

    /// Texts the direct reader takes: each must give what libyaml gives.
    static let taken: [String] = [
        "{}", "[]", " \n {\"a\": 1}\n\n", "[1, -2, 0, -0.5, 1.5e+10, 2E-3, true, false, null]",
        "{\"a\":1,\"b\":\"x\"}", "{\"a\" :1}", "{\n  \"a\": {\n    \"b\": [\n      {}, [], \"\"\n    ]\n  }\n}\n",
        "{\"a\":\n  \"value on the next line\"}",
        "{\"escapes\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u65E5 \\u0041\"}",
        "{\"é\": \"日本\", \"after\": [\"😀\", 1], \"x\": \"🇩🇪 ü\"}\n",
        "{\"name\": \"a|b <script>alert(1)</script> ../x 'q' \\\"dq\\\" #not-a-comment & *alias !tag % @ `\"}",
        "{\r\n  \"crlf\": [1,\r\n 2]\r\n}\r\n",
        "{\"long\": \"" + String(repeating: "x", count: 5000) + "\"}",
        "{\"" + String(repeating: "k", count: 900) + "\": 1}",
        "{" + (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}",
        String(repeating: "[", count: 64) + String(repeating: "]", count: 64),
        "{\"nul\": \"a\\u0000b\", \"bom inside\": \"\u{FEFF}x\"}",
    ]

    /// Texts it leaves to libyaml, which reads them (or reports them) its own way.
    static let leftToLibyaml: [String] = [
        "", "   ", "\"just a string\"", "42", "a: 1\n", "{a: 1}", "{\"a\": 1,}", "[1,]", "{\"a\": 01}", "{\"a\": 1.}",
        "{\"a\": 1}\n---\n{\"b\": 2}", "{\"a\": 1}\n{\"b\": 2}", "{\"a\":\t1}", "{\"a\": 1}\r", "{\"a\": \"x\u{85}y\"}", "{\"a\": \"x\u{2028}y\"}",
        "{\"a\": \"x\u{9F}y\"}", "{\"a\": \"x\u{7F}y\"}", "{\"a\": \"\\ud83d\\ude00\"}", "{\"a\": \"\\x41\"}",
        "{\"a\": 1, \"a\": 2}", "{" + (0..<40).map { "\"k\($0 % 30)\": \($0)" }.joined(separator: ", ") + "}",
        "{\"" + String(repeating: "k", count: 1100) + "\": 1}", "{\"a\"\n: 1}", "{\"a\": 1 # comment\n}",
        String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "\u{FEFF}{\"a\": 1}", "{\"a\": truex}",
        "{\"a\": \"tab\there\"}", "{\"a\": [1 2]}", "{\"a\": 1} x",
    ]

    @Test func theDirectReaderGivesWhatLibyamlGives() {
        for text in Self.taken + Self.leftToLibyaml {
            let bytes = Array(text.utf8)
            let direct = Self.read(bytes, direct: true), libyaml = Self.read(bytes, direct: false)
            #expect(direct.documents == libyaml.documents, "\(text.prefix(60))")
            #expect(direct.problems == libyaml.problems, "\(text.prefix(60))")
        }
    }

    @Test func theDirectReaderTakesStrictJSONAndLeavesTheRest() {
        for text in Self.taken { #expect(Self.takesDirectly(Array(text.utf8)), "\(text.prefix(60))") }
        for text in Self.leftToLibyaml { #expect(!Self.takesDirectly(Array(text.utf8)), "\(text.prefix(60))") }
        // Malformed UTF-8 is left too.
        #expect(!Self.takesDirectly(Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)))
        #expect(!Self.takesDirectly(Array("{\"a\": \"".utf8) + [0xE0, 0x80, 0x80] + Array("\"}".utf8)))
    }

    /// Every JSON file kept in the repository (exports, published records, schemas, golden outputs): the same
    /// documents both ways, and the direct reader takes the exports.
    @Test func everyJSONFileInTheRepositoryReadsTheSameBothWays() throws {
        let root = TestSupport.packageRoot.path
        let files = InputLoader.files(under: ["\(root)/Tests/UpkeepKitTests/Fixtures", "\(root)/examples", "\(root)/schemas", "\(root)/upstream"],
                                      log: DiagnosticLog()).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 20)
        var taken = 0
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let direct = Self.read(bytes, direct: true), libyaml = Self.read(bytes, direct: false)
            #expect(direct.documents == libyaml.documents, "\(file)")
            #expect(direct.problems == libyaml.problems, "\(file)")
            if Self.takesDirectly(bytes) { taken += 1 }
        }
        #expect(Self.takesDirectly([UInt8](try Data(contentsOf: TestSupport.fixtures.appendingPathComponent("observed/resource-graph.json")))))
        #expect(Self.takesDirectly([UInt8](try Data(contentsOf: TestSupport.fixtures.appendingPathComponent("observed/hostile.json")))))
        #expect(taken >= files.count / 2)
    }
}
