import Foundation
import Testing
@testable import UpkeepKit

/// The in-place scan of node lists gives what the located reader gives, and leaves every file it does not take
/// whole to the located reader, so that problems are still reported with their line and column.
@Suite("Node list fast path")
struct NodeListFastPathTests {
    static let text = (try? String(contentsOf: ObservedNodesTests.nodes, encoding: .utf8)) ?? ""

    /// The list with the kubelet version of its second node left out.
    static var secondNodeWithoutKubelet: String {
        let parts = text.components(separatedBy: "store-edge-default-1")
        return parts[0] + "store-edge-default-1" + parts.dropFirst().joined(separator: "store-edge-default-1")
            .replacingOccurrences(of: #""kubeletVersion": "v1.32.0","#, with: "")
    }

    @Test func aWellFormedListGivesWhatTheLocatedReaderGives() throws {
        let fast = try #require(NodeListFastPath.cluster(Array(Self.text.utf8), path: "o/store-edge/nodes.json"))
        let log = DiagnosticLog()
        let located = ObservedExportReader.read(Array(Self.text.utf8), path: "o/store-edge/nodes.json", log: log).clusters.first
        #expect(log.diagnostics.isEmpty)
        #expect(fast.name == located?.name && fast.kubeletVersions?.value == located?.kubeletVersions?.value)
        #expect(fast.kubeletVersions?.source == .kubectlNodes)
    }

    /// The facts are placed where the located reader places them (the first node), also after CR LF line ends and
    /// characters of more than one byte; a lone CR before the first node leaves the file to the located reader.
    @Test func itsFactsAreWhereTheLocatedReaderPutsThem() throws {
        let variants = [Self.text, Self.text.replacingOccurrences(of: "\n", with: "\r\n"),
                        Self.text.replacingOccurrences(of: #""kind": "List","#, with: #""kind": "List", "note": "Zürich 日本 😀","#)]
        for text in variants {
            let fast = try #require(NodeListFastPath.cluster(Array(text.utf8), path: "o/store-edge/nodes.json"))
            let log = DiagnosticLog()
            let located = try #require(ObservedExportReader.read(Array(text.utf8), path: "o/store-edge/nodes.json", log: log).clusters.first)
            #expect(log.diagnostics.isEmpty)
            #expect(fast.position == located.position && fast.kubeletVersions?.position == located.kubeletVersions?.position)
            #expect(fast.position.line > 1)
        }
        #expect(variants[1] != variants[0] && variants[2] != variants[0])
        let loneCR = Self.text.replacingOccurrences(of: #""kind": "List","#, with: "\"kind\": \"List\",\r ")
        #expect(NodeListFastPath.cluster(Array(loneCR.utf8), path: "n.json") == nil)
    }

    @Test func whatItDoesNotTakeWholeGoesToTheLocatedReader() {
        let cases: [(String, String)] = [
            ("a literal that is none", Self.text.replacingOccurrences(of: #""resourceVersion": """#, with: #""resourceVersion": tru"#)),
            ("a number that is none", Self.text.replacingOccurrences(of: #""resourceVersion": """#, with: #""resourceVersion": 1."#)),
            ("trailing text", Self.text + "x"),
            ("an escaped value it would read", Self.text.replacingOccurrences(of: #""kind": "List""#, with: #""kind": "Li\u0073t""#)),
            ("a node without a kubelet version", Self.secondNodeWithoutKubelet),
            ("a version that is none", Self.text.replacingOccurrences(of: "v1.32.0", with: "vNext")),
            ("another kind of list", Self.text.replacingOccurrences(of: #""kind": "Node""#, with: #""kind": "Pod""#)),
            ("an unclosed list", String(Self.text.dropLast(4))),
            ("the list's kind given twice", Self.text.replacingOccurrences(of: #""kind": "List","#, with: #""kind": "List", "kind": "List","#)),
            ("a kubelet version given twice", Self.text.replacingOccurrences(of: #""kubeletVersion": "v1.32.0","#, with: #""kubeletVersion": "v1.32.0", "kubeletVersion": "v1.31.0","#)),
            ("a node's status given twice", Self.text.replacingOccurrences(of: #""status": {"#, with: #""status": {}, "status": {"#)),
            ("nesting deeper than 64", #"{"kind": "List", "items": [{"kind": "Node", "x": "# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}]}"),
        ]
        for (what, text) in cases {
            #expect(text != Self.text, "\(what)")
            #expect(NodeListFastPath.cluster(Array(text.utf8), path: "n.json") == nil, "\(what)")
        }
        // The escaped kind is still read, by the located reader.
        let log = DiagnosticLog()
        let escaped = Self.text.replacingOccurrences(of: #""kind": "List""#, with: #""kind": "Li\u0073t""#)
        let facts = ObservedInventory.read(files: [("o/store-edge/nodes.json", Array(escaped.utf8))], log: log)
        #expect(log.diagnostics.isEmpty && facts.clusters.first?.kubeletVersions != nil)
        // A node without its version is a located error.
        let missing = ObservedInventory.read(files: [("o/store-edge/nodes.json", Array(cases[4].1.utf8))], log: log)
        #expect(missing.clusters.first?.kubeletVersions?.value.count == 1)
        #expect(log.errorCount == 1 && (log.diagnostics.first?.line ?? 0) > 1 && log.diagnostics.first?.message.contains("kubeletVersion") == true)
    }
}
