import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep inventory --fleet`'s rewrite: only the changed values move, in the style they were written.
@Suite("Fleet patcher")
struct FleetPatcherTests {
    @Test func anUnchangedExportLeavesTheFleetByteForByte() throws {
        let (document, bytes) = try FleetDriftTests.fleet()
        let result = FleetPatcher.apply(FleetDrift.compare(fleet: document, observed: try FleetDriftTests.observed()), to: bytes)
        #expect(result.bytes == bytes && result.written.isEmpty && result.notWritten.isEmpty)
    }

    @Test func onlyTheChangedValuesMoveAndKeepTheirQuotes() throws {
        let (document, bytes) = try FleetDriftTests.fleet()
        var observed = try FleetDriftTests.observed(replacing: #""KubernetesVersion": "v1.27.9", "NodePools": [ "system", "win" ]"#,
                                                    with: #""KubernetesVersion": "v1.28.5", "NodePools": [ "system", "win" ]"#)
        let factory = try #require(observed.clusters.firstIndex { $0.name == "factory-prod" })
        observed.clusters[factory].nodePools[0].nodeImage?.value = "202510.22.0"
        let result = FleetPatcher.apply(FleetDrift.compare(fleet: document, observed: observed), to: bytes)
        #expect(result.written.map(\.line) == [
            "payments-prod: kubernetesVersion 1.27.9 → 1.28.5 (Get-AksHciCluster)",
            "factory-prod, node pool system: nodeImage 202508.29.0 → 202510.22.0 (az graph query)",
        ])
        let before = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: result.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = before.indices.filter { before[$0] != after[$0] }
        #expect(changed == [44, 58], "line 45 (payments-prod's version) and line 59 (factory-prod's pool), nothing else")
        #expect(after[44] == "    kubernetesVersion: 1.28.5")
        #expect(after[58].contains(#"nodeImage: "202510.22.0""#) && after[58].replacingOccurrences(of: "202510.22.0", with: "202508.29.0") == before[58])
        // What it wrote reads back as the exports say.
        let reread = try #require(YAMLReader().read(result.bytes, path: "fleet.yaml", log: DiagnosticLog()).first)
        #expect(FleetDrift.compare(fleet: reread, observed: observed).changes.isEmpty)
    }

    @Test func valuesThatWouldReadAsSomethingElseAreQuoted() {
        #expect(FleetPatcher.rendered("1.28.5", like: .plain) == "1.28.5")
        #expect(FleetPatcher.rendered("a: b", like: .plain) == #""a: b""#)
        #expect(FleetPatcher.rendered("<script>\"x\"", like: .plain) == #""<script>\"x\"""#)
        #expect(FleetPatcher.rendered("it's", like: .singleQuoted) == "'it''s'")
        #expect(FleetPatcher.rendered("-1", like: .plain) == #""-1""#)
        // What single quotes cannot hold goes in double quotes, escaped.
        #expect(FleetPatcher.rendered("a\nb", like: .singleQuoted) == #""a\nb""#)
        #expect(FleetPatcher.rendered("a\u{2028}b", like: .singleQuoted) == #""a\u2028b""#)
    }

    @Test func aValueAfterWideCharactersIsFoundByCharacterColumn() throws {
        let text = "clusters:\n  - { name: \"ünï\", kubernetesVersion: 1.27.9 }\n"
        let document = try #require(YAMLReader().read(text, path: "f.yaml", log: DiagnosticLog()).first)
        var cluster = ObservedCluster(name: "ünï", position: SourcePosition(path: "o.json", line: 1, column: 1))
        cluster.kubernetesVersion = ObservedFact(try #require(KubernetesVersion(parsing: "1.28.5")), source: .kubectlVersion, position: cluster.position)
        var observed = ObservedFacts()
        observed.clusters = [cluster]
        let result = FleetPatcher.apply(FleetDrift.compare(fleet: document, observed: observed), to: Array(text.utf8))
        #expect(String(decoding: result.bytes, as: UTF8.self) == "clusters:\n  - { name: \"ünï\", kubernetesVersion: 1.28.5 }\n")
    }

    static func observed(_ versions: [(cluster: String, version: String)]) throws -> ObservedFacts {
        var observed = ObservedFacts()
        for (name, version) in versions {
            var cluster = ObservedCluster(name: name, position: SourcePosition(path: "o.json", line: 1, column: 1))
            cluster.kubernetesVersion = ObservedFact(try #require(KubernetesVersion(parsing: version)), source: .kubectlVersion, position: cluster.position)
            observed.clusters.append(cluster)
        }
        return observed
    }

    /// A value the fleet writes once for several clusters (an anchor and its aliases) is not rewritten for one of
    /// them: that would change the others too. The operator is told instead.
    @Test func aValueSharedThroughAnAnchorIsLeftToTheOperator() throws {
        let text = "clusters:\n  - name: a\n    kubernetesVersion: &v 1.27.9\n  - name: b\n    kubernetesVersion: *v\n  - name: c\n    kubernetesVersion: 1.27.9\n"
        let document = try #require(YAMLReader().read(text, path: "f.yaml", log: DiagnosticLog()).first)
        let observed = try Self.observed([("a", "1.28.5"), ("b", "1.27.9"), ("c", "1.28.5")])
        let drift = FleetDrift.compare(fleet: document, observed: observed)
        #expect(drift.changes.map(\.line) == ["a: kubernetesVersion 1.27.9 → 1.28.5 (kubectl version)", "c: kubernetesVersion 1.27.9 → 1.28.5 (kubectl version)"])
        #expect(drift.changes.map(\.valueIsShared) == [true, false])
        let result = FleetPatcher.apply(drift, to: Array(text.utf8))
        #expect(result.written.map(\.cluster) == ["c"])
        #expect(result.notWritten.map(\.change.cluster) == ["a"] && result.notWritten.first?.reason.contains("anchor") == true)
        #expect(String(decoding: result.bytes, as: UTF8.self) == text.replacingOccurrences(of: "c\n    kubernetesVersion: 1.27.9", with: "c\n    kubernetesVersion: 1.28.5"))
        // Shared with a cluster no export reports, or through a merge key: left to the operator all the same.
        let merged = "clusters:\n  - name: a\n    nodePools:\n      - &p { name: system, nodeImage: 202404.08.0 }\n  - name: b\n    nodePools:\n      - { <<: *p, nodes: 2 }\n"
        let mergedDocument = try #require(YAMLReader().read(merged, path: "f.yaml", log: DiagnosticLog()).first)
        var onlyA = ObservedCluster(name: "a", position: SourcePosition(path: "o.json", line: 1, column: 1))
        var pool = ObservedNodePool(name: "system", position: onlyA.position)
        pool.nodeImage = ObservedFact("202406.11.0", source: .resourceGraph, position: onlyA.position)
        onlyA.nodePools = [pool]
        var facts = ObservedFacts()
        facts.clusters = [onlyA]
        let mergedDrift = FleetDrift.compare(fleet: mergedDocument, observed: facts)
        #expect(mergedDrift.changes.filter { $0.field == "nodeImage" }.map(\.valueIsShared) == [true])
        #expect(FleetPatcher.apply(mergedDrift, to: Array(merged.utf8)).bytes == Array(merged.utf8))
    }

    /// Every cluster of a large fleet moved on (a month's upgrades): each value is rewritten in its place, the
    /// changes reported in fleet order.
    @Test func everyValueOfALargeFleetIsRewrittenInItsPlace() throws {
        let names = (0..<3000).map { "cluster-\($0)" }
        let fleet = "# kept\nclusters:\n" + names.map { "  - name: \($0) # note\n    kubernetesVersion: \"1.29.4\"\n" }.joined()
        let document = try #require(YAMLReader().read(fleet, path: "f.yaml", log: DiagnosticLog()).first)
        let drift = FleetDrift.compare(fleet: document, observed: try Self.observed(names.map { ($0, "1.30.2") }))
        let result = FleetPatcher.apply(drift, to: Array(fleet.utf8))
        #expect(result.written.map(\.cluster) == names && result.notWritten.isEmpty)
        #expect(String(decoding: result.bytes, as: UTF8.self) == fleet.replacingOccurrences(of: "\"1.29.4\"", with: "\"1.30.2\""))
    }
}
