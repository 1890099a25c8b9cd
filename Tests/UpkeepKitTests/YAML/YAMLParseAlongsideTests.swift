import Foundation
import Testing
@testable import UpkeepKit

/// A large file is parsed on one thread while its tree is built on another; these tests read the same
/// texts both ways and expect the same documents and the same problems, batch edges included.
@Suite("YAML parsed alongside the tree")
struct YAMLParseAlongsideTests {
    /// Every node with its text, style, tag and position, in order.
    static func dump(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar):
            return "s(\(scalar.text)|\(scalar.style)|\(scalar.tag)|\(scalar.mark.line):\(scalar.mark.column))"
        case .sequence(let sequence):
            return "q\(sequence.mark.line):\(sequence.mark.column)[" + sequence.items.map(dump).joined(separator: ",") + "]"
        case .mapping(let mapping):
            return "m\(mapping.mark.line):\(mapping.mark.column){" + mapping.entries.map { "\(dump(.scalar($0.key)))=\(dump($0.value))" }.joined(separator: ",") + "}"
        }
    }

    static func read(_ text: String, alongside: Bool, limits: YAMLLimits = .standard) -> (documents: [String], problems: [String]) {
        var reader = YAMLReader(limits: limits)
        reader.parseAlongsideFrom = alongside ? 0 : Int.max
        let log = DiagnosticLog()
        let documents = reader.read(text, path: "t.yaml", log: log)
        return (documents.map { "\($0.mark.line):\($0.mark.column) " + dump($0.root) }, log.diagnostics.map(\.description))
    }

    /// Long enough to cross several batches of events; anchors defined in one batch and used in a later one.
    static let long: String = {
        var text = "base: &base { a: 1, b: [x, 'y', \"z\"] }\nitems:\n"
        for index in 0..<6000 { text += "  - name: n\(index)\n    <<: *base\n    tagged: !!str \(index)\n    text: |\n      line \(index)\n" }
        return text + "end: *base\n---\nsecond: document\n"
    }()

    static let texts: [String] = [
        "plain: 1.30\nquoted: \"1.30\"\n",
        "a: 1\n---\nb: 2\n---\nc: 3\n",
        "base: &b { x: 1, y: [a, b] }\ncopy: *b\nmerged: { <<: *b, x: 2 }\n",
        "a: 1\na: 2\n",
        "x: *nothing\n",
        "a: [1, 2\nb: 3\n",
        "{ [a]: 1 }\n",
        "",
        long,
        long + "broken: [\n",
        String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000),
    ]

    @Test func sameDocumentsAndProblemsBothWays() {
        for text in Self.texts {
            let alongside = Self.read(text, alongside: true)
            let inTurn = Self.read(text, alongside: false)
            #expect(alongside.documents == inTurn.documents, "\(text.prefix(40))")
            #expect(alongside.problems == inTurn.problems, "\(text.prefix(40))")
        }
        // The long text must really be long: more events than one batch holds.
        #expect(Self.long.count > 200_000)
    }

    /// Not only the same both ways, but right: every item across the batch edges, merges and aliases
    /// resolved, the second document kept.
    @Test func longTextReadsWhole() throws {
        var reader = YAMLReader()
        reader.parseAlongsideFrom = 0
        let log = DiagnosticLog()
        let documents = reader.read(Self.long, path: "t.yaml", log: log)
        #expect(log.diagnostics.isEmpty)
        #expect(documents.count == 2)
        let root = try #require(documents.first?.root.mapping)
        let items = try #require(root["items"]?.sequence?.items)
        #expect(items.count == 6000)
        #expect(items.enumerated().allSatisfy { index, item in
            item.mapping?["name"]?.scalar?.text == "n\(index)" && item.mapping?["b"]?.sequence?.items.count == 3
                && item.mapping?["text"]?.scalar?.text == "line \(index)\n"
        })
        #expect(root["end"]?.mapping?["a"]?.scalar?.text == "1")
        #expect(documents[1].root.mapping?["second"]?.scalar?.text == "document")
    }

    @Test func limitsStopBothWaysAtTheSamePlace() {
        var limits = YAMLLimits.standard
        limits.maximumAliasExpansion = 5000
        let alongside = Self.read(Self.long, alongside: true, limits: limits)
        let inTurn = Self.read(Self.long, alongside: false, limits: limits)
        #expect(!alongside.problems.isEmpty)
        #expect(alongside.problems == inTurn.problems)
        #expect(alongside.documents == inTurn.documents)
    }

    @Test func everyShippedAndExampleFileReadsTheSameBothWays() throws {
        let root = TestSupport.packageRoot
        let log = DiagnosticLog()
        let paths = InputLoader.files(under: ["releases", "schedules", "examples", "Tests/UpkeepKitTests/Fixtures"].map { root.appendingPathComponent($0).path }, log: log)
        #expect(paths.count > 20)
        for path in paths {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(Self.read(text, alongside: true) == Self.read(text, alongside: false), "\(path)")
        }
    }
}
