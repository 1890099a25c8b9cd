import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep inventory` keeps the facts that follow from what it writes: a management cluster's `lastUpdated` moves
/// with its release (the update renewed its certificates), a state the platform cannot have is warned about, and
/// each fact is credited to the export that gave it.
@Suite("upkeep inventory: facts that follow (lastUpdated, kubelet skew, credited exports)")
struct InventoryFactsTests {
    static func inventory(replacing old: String, with new: String, in file: String) throws -> (run: ValidateCommandTests.Run, fleet: String) {
        let observed = try InventoryCommandTests.observedCopy(replacing: old, with: new, in: file)
        let output = observed.deletingLastPathComponent().appendingPathComponent("fleet.yaml")
        let run = try ValidateCommandTests.upkeep(["inventory", observed.path, "--fleet", "examples/fleet.yaml", "-o", output.path])
        return (run, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    /// arc-local's export: release 2508 → 2510 and its LastUpdated 2025-11-02 (as Windows PowerShell writes it):
    /// both values move, each where the fleet writes it.
    @Test func lastUpdatedMovesWithTheSolutionUpdate() throws {
        let solution = "\"CurrentVersion\": \"11.2508.1001.51\",\n  \"CurrentSbeVersion\": \"4.1.2409.1\",\n  \"LastUpdated\": \"\\/Date(1757240100000)\\/\""
        let moved = "\"CurrentVersion\": \"11.2510.1002.87\",\n  \"CurrentSbeVersion\": \"4.1.2409.1\",\n  \"LastUpdated\": \"\\/Date(1762078500000)\\/\""
        let (run, fleet) = try Self.inventory(replacing: solution, with: moved, in: "arc-local/solution.json")
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == "management cluster arc-local: version 2508 → 2510 (Get-SolutionUpdateEnvironment)\nmanagement cluster arc-local: lastUpdated 2025-09-07 → 2025-11-02 (Get-SolutionUpdateEnvironment)\n")
        #expect(fleet.contains("    version: 2510\n    lastUpdated: 2025-11-02\n"), "\(fleet)")
    }

    /// The release moved but the export gives no LastUpdated: the fleet's stays, and the line says why that matters.
    @Test func aReleaseMovedWithoutLastUpdatedSaysSo() throws {
        let (run, fleet) = try Self.inventory(replacing: "\"CurrentVersion\": \"11.2508.1001.51\",\n  \"CurrentSbeVersion\": \"4.1.2409.1\",\n  \"LastUpdated\": \"\\/Date(1757240100000)\\/\",",
                                              with: "\"CurrentVersion\": \"11.2510.1002.87\",\n  \"CurrentSbeVersion\": \"4.1.2409.1\",", in: "arc-local/solution.json")
        #expect(run.status == 0)
        #expect(run.output.contains("management cluster arc-local: lastUpdated 2025-09-07 → ? (Get-SolutionUpdateEnvironment): not written — the export gives no LastUpdated: set lastUpdated to the day the update to 2510 finished, or the next plan rotates the certificates it renewed"), "\(run.output)")
        #expect(fleet.contains("    version: 2510\n    lastUpdated: 2025-09-07\n"))
    }

    /// platform-services-prod's control plane reported three minors ahead of its pool: written as reported, with a
    /// warning at the pool's version.
    @Test func aControlPlaneMoreThanTheSkewAheadOfAPoolIsWarned() throws {
        let (run, fleet) = try Self.inventory(replacing: "\"KubernetesVersion\": \"v1.28.5\", \"NodePools\": \"system\"",
                                              with: "\"KubernetesVersion\": \"v1.31.2\", \"NodePools\": \"system\"", in: "aks-hybrid-clusters.json")
        #expect(run.status == 0)
        #expect(fleet.contains("kubernetesVersion: 1.31.2"))
        let warning = try #require(run.output.split(separator: "\n").first { $0.contains(": warning: cluster \"platform-services-prod\", node pool \"system\"") })
        #expect(warning.contains("fleet.yaml:41:") && warning.contains("the pool runs 1.28.5, 3 minors behind its control plane 1.31.2; at most 2 are allowed"), "\(warning)")
    }

    /// An `az aksarc show` export is credited to it whatever the letter case of its resource type; a Resource Graph
    /// result to `az graph query`.
    @Test func eachFactIsCreditedToTheExportThatGaveIt() throws {
        let show = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Tests/UpkeepKitTests/Fixtures/observed/arc-show.json"), encoding: .utf8)
        let lowered = show.replacingOccurrences(of: "Microsoft.HybridContainerService/provisionedClusterInstances", with: "microsoft.hybridcontainerservice/provisionedclusterinstances")
        #expect(lowered != show)
        let log = DiagnosticLog()
        let facts = ObservedExportReader.read(Array(lowered.utf8), path: "arc-show.json", log: log)
        #expect(log.errorCount == 0 && facts.clusters.first?.kubernetesVersion?.source == .arcClusters)
        let graph = try [UInt8](Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("examples/observed/aks-arc-resource-graph.json")))
        let graphFacts = ObservedExportReader.read(graph, path: "aks-arc-resource-graph.json", log: log)
        #expect(!graphFacts.clusters.isEmpty && graphFacts.clusters.allSatisfy { $0.kubernetesVersion?.source == .resourceGraph })
    }

    @Test(arguments: [("\"\\/Date(1762078500000)\\/\"", "2025-11-02"), ("\"2025-11-02T10:15:00+01:00\"", "2025-11-02"),
                      ("{ \"value\": \"\\/Date(1762078500000)\\/\", \"DisplayHint\": 2 }", "2025-11-02"), ("\"11/2/2025 10:15:00 AM\"", "2025-11-02"),
                      ("\"\"", ""), ("null", "")])
    func theLastUpdatedDayReadsEveryFormPowerShellWrites(_ value: String, _ day: String) throws {
        let text = "{ \"CurrentVersion\": \"11.2510.1002.87\", \"SbeFamily\": \"GenA\", \"LastUpdated\": \(value) }"
        let log = DiagnosticLog()
        let facts = ObservedExportReader.read(Array(text.utf8), path: "arc/solution.json", log: log)
        #expect(log.errorCount == 0, "\(log.sorted)")
        #expect((facts.managementClusters.first?.lastUpdated?.value ?? "") == day)
    }
}
