import Foundation
import Testing
@testable import UpkeepKit

/// `kubectl version -o json` and the cluster its file or folder names; exports joined across files.
@Suite("Observed inventory")
struct ObservedInventoryTests {
    @Test func kubectlVersionGivesTheServerVersionOfTheClusterItsFolderNames() throws {
        let (facts, log) = try ObservedExportReaderTests.read("store-edge/version.json")
        #expect(log.diagnostics.isEmpty)
        #expect(facts.clusters.map(\.name) == ["store-edge"])
        #expect(facts.clusters.first?.kubernetesVersion?.value == KubernetesVersion(parsing: "1.32.0"))
        #expect(ObservedExportReader.clusterName(fromPath: "observed/payments-prod.json") == "payments-prod")
        let clientOnly = DiagnosticLog()
        _ = ObservedExportReader.read(Array(#"{"clientVersion": {"gitVersion": "v1.32.0"}}"#.utf8), path: "edge.json", log: clientOnly)
        #expect(clientOnly.errorCount == 1 && clientOnly.diagnostics.first?.message.contains("no \"serverVersion\"") == true)
    }

    @Test func exportsOfOneClusterAreJoinedAndDisagreementsReported() {
        let show = #"{"id": "/s/x/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/analytics-dev/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default", "type": "Microsoft.HybridContainerService/provisionedClusterInstances", "properties": {"kubernetesVersion": "v1.31.9", "agentPoolProfiles": [{"name": "system", "count": 3}]}}"#
        let pools = #"[{"id": "/s/x/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/analytics-dev/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default/agentPools/system", "name": "system", "type": "Microsoft.HybridContainerService/provisionedClusterInstances/agentPools", "properties": {"count": 4, "nodeImageVersion": "202510.22.0"}}]"#
        let log = DiagnosticLog()
        let facts = ObservedInventory.read(files: [("b/pools.json", Array(pools.utf8)), ("a/show.json", Array(show.utf8))], log: log)
        #expect(facts.clusters.map(\.name) == ["analytics-dev"])
        let pool = facts.clusters.first?.nodePools.first
        #expect(pool?.nodeImage?.value == "202510.22.0", "the image comes from the pool list, the version from show")
        #expect(pool?.nodes?.value == 3, "the first file in path order stands")
        #expect(log.errorCount == 1)
        let message = log.diagnostics.first?.message ?? ""
        #expect(log.diagnostics.first?.path == "b/pools.json" && message.contains("nodes is 4 here") && message.contains("but 3 in a/show.json:1:"))
    }

    /// Under a folder, the exports are the JSON files, whatever the case of their extension; a file named is read
    /// whatever its name.
    @Test func theExportsUnderAFolderAreItsJSONFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-exports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("edge"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.json", "B.JSON", "edge/nodes.json", "fleet.yaml", "notes.txt"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        let named = folder.appendingPathComponent("fleet.yaml").path
        let files = ObservedInventory.exportFiles(under: [folder.path, named], log: DiagnosticLog())
        #expect(files.map { String($0.dropFirst(folder.path.count + 1)) } == ["B.JSON", "a.json", "edge/nodes.json", "fleet.yaml"])
    }
}
