import Foundation
import Testing
@testable import UpkeepKit

/// Issue 31: `diff` reports a changed edge — a step that now waits for other steps (a `dependsOn` added) is
/// changed, not "unchanged", and says what it waits for now.
@Suite("upkeep diff: the steps a step waits for")
struct PlanDiffEdgeTests {
    static func plan(fleet: String, asOf: String) throws -> Plan {
        let (inputs, log) = TestSupport.load(["fleet.yaml": fleet], paths: ["releases", "schedules"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        return Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf))
    }

    @Test func aDependsOnAddedIsAChangedEdge() throws {
        let fleet = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("examples/fleet.yaml"), encoding: .utf8)
        let anchor = "  - name: quality-staging\n    managementCluster: arc-local\n"
        #expect(fleet.contains(anchor))
        let depending = fleet.replacingOccurrences(of: anchor, with: anchor + "    dependsOn: [factory-prod]\n")
        let old = try Self.plan(fleet: fleet, asOf: "2025-11-17"), new = try Self.plan(fleet: depending, asOf: "2025-11-17")
        let diff = PlanDiff(old: old, new: new)
        let edges = diff.changed.filter { $0.changes.contains { $0.field == .after } }
        let changed = try #require(edges.first { $0.new.cluster == "quality-staging" }, "\(diff.changed.map(\.new.id)) \(diff.added.map(\.id))")
        let after = try #require(changed.changes.first { $0.field == .after })
        #expect(after.new?.contains("factory-prod/") == true && after.old?.contains("factory-prod/") != true, "\(after)")
        #expect(PlanDiffRenderer.text(diff).contains("after: "), "\(PlanDiffRenderer.text(diff))")
        // The summary never calls a changed edge "unchanged", nor another due date.
        #expect(!diff.isEmpty && diff.changed.count >= 1 && !(diff.summary.hasPrefix("no step changed")), "\(diff.summary)")
    }
}
