import Foundation
import Testing
@testable import UpkeepKit

/// The sample fleet against its own observed folder, and against exports that say otherwise.
@Suite("Fleet drift")
struct FleetDriftTests {
    static let fleetPath = TestSupport.packageRoot.appendingPathComponent("examples/fleet.yaml").path

    static func fleet() throws -> (YAMLDocument, [UInt8]) {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fleetPath)))
        let document = try #require(YAMLReader().read(bytes, path: "examples/fleet.yaml", log: DiagnosticLog()).first)
        return (document, bytes)
    }

    static func observed(replacing old: String? = nil, with new: String = "", in file: String = "aks-hybrid-clusters.json") throws -> ObservedFacts {
        let folder = TestSupport.packageRoot.appendingPathComponent("examples/observed")
        var files: [(path: String, bytes: [UInt8])] = []
        for name in ["aks-arc-resource-graph.json", "aks-hybrid-clusters.json", "aks-hybrid-nodepools.json", "store-edge/version.json",
                     "store-edge/nodes.json", "arc-local/solution.json", "arc-plant/solution.json"] {
            var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            if let old, name == file {
                #expect(text.contains(old))
                text = text.replacingOccurrences(of: old, with: new)
            }
            files.append(("examples/observed/\(name)", Array(text.utf8)))
        }
        let log = DiagnosticLog()
        let facts = ObservedInventory.read(files: files, log: log)
        #expect(log.diagnostics.isEmpty, "\(log.sorted)")
        return facts
    }

    @Test func theSampleFleetAgreesWithItsObservedFolder() throws {
        let (document, _) = try Self.fleet()
        let drift = FleetDrift.compare(fleet: document, observed: try Self.observed())
        #expect(drift.changes.isEmpty, "\(drift.changes.map(\.line))")
    }

    @Test func aChangedVersionIsOneChangeAtItsPlaceInTheFleet() throws {
        let (document, _) = try Self.fleet()
        let observed = try Self.observed(replacing: #""KubernetesVersion": "v1.27.9", "NodePools": [ "system", "win" ]"#,
                                         with: #""KubernetesVersion": "v1.28.5", "NodePools": [ "system", "win" ]"#)
        let drift = FleetDrift.compare(fleet: document, observed: observed)
        #expect(drift.changes.map(\.line) == ["payments-prod: kubernetesVersion 1.27.9 → 1.28.5 (Get-AksHciCluster)"])
        let change = try #require(drift.changes.first)
        #expect(change.fleetPosition?.line == 45 && change.fleetPosition?.column == 24 && change.fleetPosition?.path == "examples/fleet.yaml")
        #expect(change.observedPosition?.path == "examples/observed/aks-hybrid-clusters.json")
    }

    @Test func poolFactsAndClustersOnOneSideOnlyAreChanges() throws {
        let (document, _) = try Self.fleet()
        var observed = try Self.observed(replacing: #""NodePoolName": "win", "Version": "v1.27.9", "OsType": "Windows", "NodeCount": 8"#,
                                         with: #""NodePoolName": "win", "Version": "v1.27.9", "OsType": "Windows", "NodeCount": 10"#,
                                         in: "aks-hybrid-nodepools.json")
        observed.clusters.removeAll { $0.name == "store-edge" }
        var extra = ObservedCluster(name: "new-cluster", position: SourcePosition(path: "x.json", line: 1, column: 1))
        extra.kubernetesVersion = ObservedFact(try #require(KubernetesVersion(parsing: "1.31.1")), source: .kubectlVersion, position: extra.position)
        observed.clusters.append(extra)
        let lines = FleetDrift.compare(fleet: document, observed: observed).changes.map(\.line)
        #expect(lines == [
            "payments-prod, node pool win: nodes 8 → 10 (Get-AksHciNodePool)",
            "store-edge: in the fleet but in no export",
            "new-cluster: reported by kubectl version (x.json:1:1) but not in the fleet",
        ])
    }
}
