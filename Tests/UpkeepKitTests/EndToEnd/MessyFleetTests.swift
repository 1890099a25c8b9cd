import Foundation
import Testing
@testable import UpkeepKit

/// A fleet written the way an operator writes one (Fixtures/messy-2026), planned on 2026-12-07 with the shipped
/// feeds: renewal first, no second rotation, no standalone skip, no skip onto an unsupported patch, no silent
/// release skip, and `--horizon 6m` is six months.
@Suite("A messy real fleet, end to end")
struct MessyFleetTests {
    static let inputs = ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026"]

    static func plan() throws -> (Plan, PlanningContext) {
        let (inputs, log) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-12-07"))
        return (plan, PlanInvariants.context(plan, inputs))
    }

    @Test func theMessyFleetKeepsEveryRule() throws {
        let (plan, context) = try Self.plan()
        #expect(MessyFleetRules.problems(plan, inputs: context.engine.inputs, context: context) == [])
        // Expired six months ago (arc-tokyo) and two months ago (arc-newyork): one rotation each, first.
        for name in ["arc-tokyo", "arc-newyork", "arc-berlin"] {
            let rotations = plan.steps.filter { $0.kind == .certificateRotation && $0.managementCluster == name }
            #expect(rotations.count == 1, "\(name): \(rotations.map(\.id))")
        }
        let newyork = plan.steps.filter { $0.managementCluster == "arc-newyork" && $0.start != nil }.sorted { $0.start! < $1.start! }
        #expect(newyork.first?.kind == .certificateRotation)
        #expect(plan.steps.contains { $0.kind == .platformUpdate && $0.managementCluster == "arc-newyork" && $0.to == "2510" })
        // Standalone clusters minors behind go one minor at a time.
        let berlin = plan.steps.filter { $0.cluster == "edge-berlin" && $0.kind == .kubernetesUpgrade }.map(\.to)
        #expect(berlin.map { $0.split(separator: ".").prefix(2).joined(separator: ".") } == ["1.32", "1.33", "1.34", "1.35", "1.36"], "\(berlin)")
        // plant-prod (1.28.14 on 2503): no jump onto 1.30.4, which is out of support.
        #expect(!plan.steps.contains { $0.cluster == "plant-prod" && $0.to.hasPrefix("1.30.") })
        // arc-tokyo on 2503: no update jumps over 2504-2506; the error names them.
        #expect(!plan.steps.contains { $0.kind == .platformUpdate && $0.managementCluster == "arc-tokyo" })
        #expect(plan.findings.contains { $0.code == "support-gap-versions-unknown" && $0.subject == "management-cluster/arc-tokyo"
                && $0.message.contains("2504, 2505, 2506 after 2503") && $0.message.contains("before 2507") })
        // AKS Arc names no AKS hybrid cmdlet for its certificates, and says no command is documented.
        #expect(!plan.steps.contains { $0.managementCluster?.hasPrefix("arc-") == true && $0.reasons.contains { $0.contains("AksHci") } })
        #expect(plan.findings.contains { $0.code == "certificate-renewal-undocumented" && $0.subject == "management-cluster/arc-tokyo" })
    }

    @Test func aHorizonOfSixMonthsIsSixMonths() throws {
        let run = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2026-12-07", "--horizon", "6m", "--format", "json"])
        #expect(run.status == 3)
        #expect(run.output.contains("\"horizonEnd\": \"2027-06-07\""))
        let refused = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2026-12-07", "--horizon", "6h"])
        #expect(refused.status != 0 && refused.status != 3 && refused.output.contains("--horizon"))
    }

    @Test func theArcRotationTicketGivesNoOtherPlatformsCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-messy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ValidateCommandTests.upkeep(["tickets"] + Self.inputs + ["--as-of", "2026-12-07", "--format", "markdown", "-o", folder.path])
        #expect(run.status == 0 || run.status == 3)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("mgmt-arc-tokyo") }
        let ticket = try String(contentsOf: folder.appendingPathComponent(try #require(names.first)), encoding: .utf8)
        #expect(ticket.contains("Microsoft documents no command for this on AKS Arc") && !ticket.contains("AksHci"))
    }
}
