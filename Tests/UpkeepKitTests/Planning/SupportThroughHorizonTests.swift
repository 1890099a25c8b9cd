import Foundation
import Testing
@testable import UpkeepKit

/// Planning.md, "Support through the horizon", on the sample fleet: the plan of 2026-03-01 moves arc-local to
/// 2510, which ends in April 2026 like arc-plant's, with no later release to move to.
@Suite("Support through the horizon")
struct SupportThroughHorizonTests {
    static let root = TestSupport.packageRoot
    static let inputs = ["releases", "schedules", "examples/fleet.yaml"]

    static func plan(_ extra: [String: String] = [:], asOf: String) -> (InputSet, Plan) {
        let (inputs, _) = TestSupport.load(extra, paths: Self.inputs.map { Self.root.appendingPathComponent($0).path })
        return (inputs, Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf)))
    }

    @Test func bothArcManagementClustersAreNamedWithTheirAprilEnd() throws {
        let (_, plan) = Self.plan(asOf: "2026-03-01")
        for name in ["arc-local", "arc-plant"] {
            let finding = try #require(plan.findings.first { $0.subject == "management-cluster/\(name)" && $0.code.hasPrefix("support-gap-") }, "\(name)")
            #expect(finding.severity == .error && finding.code == "support-gap-versions-unknown")
            #expect(finding.message.contains("out of support from 2026-04-24") || finding.message.contains("out of support since 2026-04-24"), "\(finding.message)")
        }
        // arc-local's row: 2508 now, 2510 after the plan, and when each ends.
        let row = try #require(plan.managementClusters.first { $0.name == "arc-local" })
        #expect(row.current == "2508" && row.target == "2510")
        #expect(row.supportedUntil == SupportFixtures.date("2026-02-28") && row.supportedUntilAfterPlan == SupportFixtures.date("2026-04-24"))
        #expect(row.supportReasonsAfterPlan.first?.contains("aks-arc 2510 came out on 2025-10-24") == true)
    }

    @Test func checkNamesBothAndFails() throws {
        let run = try ValidateCommandTests.upkeep(["check"] + Self.inputs + ["--as-of", "2026-03-01"])
        #expect(run.status == 3)
        let output = TestSupport.unfolded(run.output)
        // Both are named: on one line when they share the cause, else each on its own.
        let together = output.contains("error support-gap-versions-unknown 2 subjects (management-cluster/arc-local, management-cluster/arc-plant)")
        #expect(together || (output.contains("error support-gap-versions-unknown management-cluster/arc-local")
                             && output.contains("error support-gap-versions-unknown management-cluster/arc-plant")), "\(output)")
    }

    /// The shipped feeds with one invented release after the unknown ones, announced before the plan, whose versions are known; with
    /// `publishing`, the unknown ones get 2510's versions too.
    static func laterReleasePlan(publishing: Bool) throws -> Plan {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-later-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("releases"), to: folder)
        let feed = folder.appendingPathComponent("platform-aks-arc.yaml")
        var shipped = try String(contentsOf: feed, encoding: .utf8)
        if publishing {
            for release in ["2511", "2512", "2601", "2602"] {
                let marker = "  - version: \(release) "
                guard let start = shipped.range(of: marker), let unknown = shipped.range(of: "kubernetesVersions: unknown", range: start.upperBound..<shipped.endIndex) else { continue }
                shipped.replaceSubrange(unknown, with: "kubernetesVersions: [1.30.13, 1.30.14, 1.31.9, 1.31.10, 1.32.5, 1.32.6]")
            }
        }
        try Data((shipped + "  - { version: 2603, released: 2026-03-10, announced: 2026-02-20, kubernetesVersions: [1.31.10, 1.31.11, 1.32.6, 1.32.7, 1.33.2, 1.33.3] }\n").utf8).write(to: feed)
        let (inputs, log) = TestSupport.load(paths: [folder.path, Self.root.appendingPathComponent("schedules").path, Self.root.appendingPathComponent("examples/fleet.yaml").path])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        return Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-03-01"))
    }

    /// Azure Local updates release by release: with a known release after ones whose versions are unknown, no update
    /// jumps over them; the path stops and the error names the releases in between and the one after.
    @Test func releaseByReleasePath_stopsBeforeReleasesWithUnknownVersions() throws {
        let plan = try Self.laterReleasePlan(publishing: false)
        for name in ["arc-local", "arc-plant"] {
            #expect(!plan.steps.contains { $0.kind == .platformUpdate && $0.managementCluster == name && $0.to != "2509" && $0.to != "2510" }, "\(name)")
            #expect(plan.findings.contains { $0.subject == "management-cluster/\(name)" && $0.code == "support-gap-versions-unknown"
                    && $0.message.contains("the next releases 2511, 2512, 2601, 2602 after 2510 have no published Kubernetes versions, so the update path stops at 2510 before 2603") }, "\(name)")
        }
    }

    /// With the releases in between published, the plan goes through each of them to the later release, and the
    /// findings go.
    @Test func releaseByReleasePath_goesThroughEveryPublishedRelease() throws {
        let plan = try Self.laterReleasePlan(publishing: true)
        for name in ["arc-local", "arc-plant"] {
            let updates = plan.steps.filter { $0.kind == .platformUpdate && $0.managementCluster == name }.map(\.to)
            #expect(Array(updates.suffix(5)) == ["2511", "2512", "2601", "2602", "2603"], "\(name): \(updates)")
            #expect(plan.steps.contains { $0.kind == .platformUpdate && $0.managementCluster == name && $0.to == "2603" && $0.start != nil }, "\(name)")
            #expect(!plan.findings.contains { $0.subject == "management-cluster/\(name)" && $0.code.hasPrefix("support-gap-") }, "\(name)")
        }
    }

    /// The report's summary counts the subjects `check` names, on three dates of the sample fleet.
    @Test(arguments: ["2025-11-17", "2026-03-01", "2026-12-05"])
    func theReportAndCheckCountTheSameSubjects(_ date: String) throws {
        let (inputs, plan) = Self.plan(asOf: date)
        let check = FleetCheck(plan: plan)
        let subjects = Set(check.problems.filter { $0.code.hasPrefix("support-gap-") }.map(\.subject))
        let html = ReportRenderer.render(plan, inputs: inputs)
        #expect(html.contains("<dt>Out of support by \(plan.horizonEnd), no step fixes it</dt><dd>\(subjects.count)</dd>"), "\(subjects.count)")
        #expect(!subjects.isEmpty || date == "2025-11-17")
    }
}
