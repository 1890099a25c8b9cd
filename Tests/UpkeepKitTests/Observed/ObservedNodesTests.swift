import Foundation
import Testing
@testable import UpkeepKit

/// `kubectl get nodes -o json`: the kubelet versions of a cluster's nodes, compared with its pools' versions.
@Suite("Observed nodes")
struct ObservedNodesTests {
    static let nodes = TestSupport.packageRoot.appendingPathComponent("examples/observed/store-edge/nodes.json")

    @Test func theNodesGiveTheirClustersKubeletVersions() throws {
        let log = DiagnosticLog()
        let facts = ObservedExportReader.read(Array(try Data(contentsOf: Self.nodes)), path: "observed/store-edge/nodes.json", log: log)
        #expect(log.diagnostics.isEmpty)
        #expect(facts.clusters.map(\.name) == ["store-edge"])
        #expect(facts.clusters.first?.kubeletVersions?.value == [KubernetesVersion(parsing: "1.32.0")].compactMap { $0 })
        #expect(facts.clusters.first?.nodePools.isEmpty == true, "no documented label names a node's pool")
    }

    @Test func aKubeletTheFleetsPoolsDoNotRunIsADrift() throws {
        let text = try String(contentsOf: Self.nodes, encoding: .utf8)
        // The second node reports another kubelet.
        let parts = text.components(separatedBy: "store-edge-default-1")
        try #require(parts.count == 2)
        let changed = parts[0] + "store-edge-default-1" + parts[1].replacingOccurrences(of: "v1.32.0", with: "v1.31.4")
        #expect(changed != text)
        let log = DiagnosticLog()
        let observed = ObservedInventory.read(files: [("observed/store-edge/nodes.json", Array(changed.utf8))], log: log)
        let (document, bytes) = try FleetDriftTests.fleet()
        let drift = FleetDrift.compare(fleet: document, observed: observed)
        let kubelet = drift.changes.filter { $0.field == "kubelet versions" }
        #expect(kubelet.map(\.line) == ["store-edge: kubelet versions 1.32.0 → 1.31.4, 1.32.0 (kubectl get nodes)"])
        let result = FleetPatcher.apply(drift, to: bytes)
        #expect(result.notWritten.contains { $0.change.field == "kubelet versions" && $0.reason.contains("set each pool's kubernetesVersion") })
    }
}
