import Testing
@testable import UpkeepKit

/// An AKS Arc management cluster's release against its Azure Local instance's solution version.
@Suite("Management cluster drift")
struct ManagementDriftTests {
    @Test func theSolutionVersionsSecondNumberIsTheRelease() throws {
        let log = DiagnosticLog()
        let text = #"{"ResourceId": "redmond", "SbeFamily": "GenA", "CurrentVersion": "10.2408.0.29", "State": "UpdateAvailable", "HealthState": "Success"}"#
        let facts = ObservedExportReader.read(Array(text.utf8), path: "observed/arc-local/solution.json", log: log)
        #expect(log.diagnostics.isEmpty)
        #expect(facts.managementClusters.map(\.name) == ["arc-local"] && facts.managementClusters.first?.release.value == "2408")
        let bad = DiagnosticLog()
        _ = ObservedExportReader.read(Array(#"{"SbeFamily": "GenA", "CurrentVersion": "latest", "HealthState": "Success"}"#.utf8), path: "s.json", log: bad)
        #expect(bad.errorCount == 1 && bad.diagnostics.first?.message.contains("not an Azure Local solution version") == true)
    }

    @Test func aReleaseOtherThanTheFleetsIsADriftRewrittenInPlace() throws {
        let (document, bytes) = try FleetDriftTests.fleet()
        var observed = try FleetDriftTests.observed()
        let log = DiagnosticLog()
        let solution = #"{"SbeFamily": "GenA", "CurrentVersion": "11.2509.1001.20", "HealthState": "Success"}"#
        observed.managementClusters = ObservedExportReader.read(Array(solution.utf8), path: "observed/arc-local/solution.json", log: log).managementClusters
        let drift = FleetDrift.compare(fleet: document, observed: observed)
        // The export gives no LastUpdated: the release moves, and the fleet's lastUpdated is named as left behind.
        #expect(drift.changes.map(\.line) == ["management cluster arc-local: version 2508 → 2509 (Get-SolutionUpdateEnvironment)",
                                               "management cluster arc-local: lastUpdated 2025-09-07 → ? (Get-SolutionUpdateEnvironment)"])
        let result = FleetPatcher.apply(drift, to: bytes)
        let after = String(decoding: result.bytes, as: UTF8.self)
        #expect(after.contains("  - name: arc-local\n    platform: aks-arc\n    version: 2509\n"))
    }
}
