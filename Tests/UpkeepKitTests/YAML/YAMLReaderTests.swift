import Testing
@testable import UpkeepKit

@Suite("YAML reader")
struct YAMLReaderTests {
    @Test func versionLikeScalarsStayText() throws {
        let (documents, log) = TestSupport.readYAML("plain: 1.30\nquoted: \"1.30\"\nnumber: 1.300\n")
        #expect(log.diagnostics.isEmpty)
        let root = try #require(documents.first?.root.mapping)
        #expect(root["plain"]?.scalar?.text == "1.30")
        #expect(root["plain"]?.scalar?.style == .plain)
        #expect(root["quoted"]?.scalar?.text == "1.30")
        #expect(root["quoted"]?.scalar?.style == .doubleQuoted)
        #expect(root["number"]?.scalar?.text == "1.300")
    }

    @Test func everyNodeKnowsItsLineAndColumn() throws {
        let (documents, _) = TestSupport.readYAML("a:\n  b:\n    - x\n    - { y: 2 }\n")
        let root = try #require(documents.first?.root.mapping)
        let b = try #require(root["a"]?.mapping?["b"]?.sequence)
        #expect(b.mark == Mark(line: 3, column: 5))
        #expect(b.items[0].mark == Mark(line: 3, column: 7))
        let y = try #require(b.items[1].mapping?["y"])
        #expect(y.mark == Mark(line: 4, column: 12))
        #expect(documents.first?.position(y.mark).description == "test.yaml:4:12")
    }

    @Test func multiDocumentStreamsGiveEveryDocument() {
        let (documents, log) = TestSupport.readYAML("a: 1\n---\nb: 2\n---\nc: 3\n")
        #expect(log.diagnostics.isEmpty)
        #expect(documents.count == 3)
        #expect(documents[2].root.mapping?["c"]?.scalar?.text == "3")
        #expect(documents[2].mark.line == 4)
    }

    @Test func aliasesRepeatTheAnchoredNode() throws {
        let (documents, log) = TestSupport.readYAML("base: &b { x: 1, y: [a, b] }\ncopy: *b\n")
        #expect(log.diagnostics.isEmpty)
        let root = try #require(documents.first?.root.mapping)
        #expect(root["copy"]?.mapping?["y"]?.sequence?.items.count == 2)
        #expect(root["copy"]?.mapping?["x"]?.scalar?.text == "1")
    }

    @Test func mergeKeysAddMissingKeysAndExplicitKeysWin() throws {
        let text = """
        defaults: &d { os: linux, nodes: 3, maxSurge: 1 }
        extra: &e { nodes: 9, owner: ops }
        pool:
          <<: [*d, *e]
          nodes: 5
        """
        let (documents, log) = TestSupport.readYAML(text)
        #expect(log.diagnostics.isEmpty)
        let pool = try #require(documents.first?.root.mapping?["pool"]?.mapping)
        #expect(pool["nodes"]?.scalar?.text == "5")
        #expect(pool["os"]?.scalar?.text == "linux")
        #expect(pool["owner"]?.scalar?.text == "ops")
        #expect(pool["<<"] == nil)
        #expect(pool.entries.count == 4)
    }

    @Test func mergeKeyOfAScalarIsAnError() {
        let (_, log) = TestSupport.readYAML("a:\n  <<: 3\n")
        #expect(TestSupport.messages(log) == ["test.yaml:2:3: error: a << merge key takes a mapping or a list of mappings, not \"3\"."])
    }

    @Test func duplicateKeyIsAnErrorAtTheSecondKey() throws {
        let (documents, log) = TestSupport.readYAML("name: a\nnodes: 3\nname: b\n")
        #expect(TestSupport.messages(log) == [
            "test.yaml:3:1: error: the key \"name\" is repeated in this mapping; it was first given at line 1, column 1.",
        ])
        #expect(documents.first?.root.mapping?["name"]?.scalar?.text == "a")
    }

    @Test func duplicateKeyIsFoundInLargeMappingsToo() {
        var text = ""
        for index in 0..<40 { text += "key\(index): \(index)\n" }
        text += "key7: again\n"
        let (_, log) = TestSupport.readYAML(text)
        #expect(TestSupport.messages(log) == [
            "test.yaml:41:1: error: the key \"key7\" is repeated in this mapping; it was first given at line 8, column 1.",
        ])
    }

    @Test func syntaxErrorsComeWithLineAndColumn() {
        let (_, log) = TestSupport.readYAML("a: [1, 2\nb: 3\n")
        let messages = TestSupport.messages(log)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("test.yaml:2:2: error: YAML syntax error: did not find expected ',' or ']'") == true)
    }

    @Test func unknownAliasIsAnError() {
        let (_, log) = TestSupport.readYAML("a: *missing\n")
        #expect(TestSupport.messages(log) == ["test.yaml:1:4: error: the alias *missing refers to no anchor defined before it in this document."])
    }

    /// The "billion laughs": ten levels of ten aliases each would expand to 10^10 nodes.
    @Test(.timeLimit(.minutes(1))) func aliasBombIsRejectedWithoutExpanding() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        text += "bomb: *a9\n"
        let (documents, log) = TestSupport.readYAML(text)
        #expect(documents.isEmpty)
        let messages = TestSupport.messages(log)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("aliases in this document would expand past 1000000 nodes") == true)
    }

    @Test func aliasesBelowTheLimitAreAccepted() {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        let (documents, log) = TestSupport.readYAML(text, limits: YAMLLimits(maximumAliasExpansion: 12))
        #expect(log.diagnostics.isEmpty)
        #expect(documents.count == 1)
        let (_, tooMany) = TestSupport.readYAML(text, limits: YAMLLimits(maximumAliasExpansion: 11))
        #expect(tooMany.errorCount == 1)
    }

    @Test(.timeLimit(.minutes(1))) func thousandDeepNestingIsRejected() {
        let text = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let (documents, log) = TestSupport.readYAML(text)
        #expect(documents.isEmpty)
        #expect(TestSupport.messages(log) == ["test.yaml:1:65: error: the document nests deeper than 64 levels; the file is not read further."])
    }

    @Test func nestingOfExactlyTheLimitIsAccepted() {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        let (documents, log) = TestSupport.readYAML(text)
        #expect(log.diagnostics.isEmpty)
        #expect(documents.count == 1)
    }

    @Test func fileOverTheSizeLimitIsRejectedBeforeParsing() {
        let (documents, log) = TestSupport.readYAML("a: 1\nb: 2\n", limits: YAMLLimits(maximumFileBytes: 5))
        #expect(documents.isEmpty)
        #expect(TestSupport.messages(log) == ["test.yaml:1:1: error: the file is 10 bytes, over the limit of 5 bytes."])
    }

    @Test func jsonIsReadToo() throws {
        let (documents, log) = TestSupport.readYAML("{\"id\": \"GO-1\", \"list\": [1, \"1.30\"]}")
        #expect(log.diagnostics.isEmpty)
        let root = try #require(documents.first?.root.mapping)
        #expect(root["list"]?.sequence?.items[1].scalar?.text == "1.30")
    }

    @Test func nonMappingKeyIsAnError() {
        let (_, log) = TestSupport.readYAML("? [a, b]\n: 1\n")
        #expect(TestSupport.messages(log) == ["test.yaml:1:3: error: a mapping key must be a plain value, not a list."])
    }
}
