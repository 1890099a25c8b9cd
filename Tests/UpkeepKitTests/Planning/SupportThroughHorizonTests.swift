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
        #expect(run.output.contains("error support-gap-versions-unknown management-cluster/arc-local"), "\(run.output)")
        #expect(run.output.contains("error support-gap-versions-unknown management-cluster/arc-plant"))
    }

    /// With a later release whose versions are known, the plan moves both management clusters to it and the two
    /// findings go.
    @Test func aLaterReleaseInTheFeedMovesBothAndTheFindingsGo() throws {
        // A copy of the shipped feeds with one invented release after the unknown ones, whose versions are known.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-later-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("releases"), to: folder)
        let feed = folder.appendingPathComponent("platform-aks-arc.yaml")
        let shipped = try String(contentsOf: feed, encoding: .utf8)
        try Data((shipped + "  - { version: 2603, released: 2026-03-10, kubernetesVersions: [1.31.10, 1.31.11, 1.32.6, 1.32.7, 1.33.2, 1.33.3] }\n").utf8).write(to: feed)
        let (inputs, log) = TestSupport.load(paths: [folder.path, Self.root.appendingPathComponent("schedules").path, Self.root.appendingPathComponent("examples/fleet.yaml").path])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-03-01"))
        for name in ["arc-local", "arc-plant"] {
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

/// The rule's own cases: pools with the same gap share one finding; a gap a late step closes is covered.
@Suite("Support gaps")
struct SupportGapsTests {
    static let fleet = """
        apiVersion: upkeep/v1
        kind: Fleet
        name: pools
        clusters:
          - name: edge
            kubernetesVersion: 1.33.6
            window: first-of-month
            nodePools:
              - { name: a, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.33.6, nodeImage: "202510.22.0", nodes: 2 }
              - { name: b, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.33.6, nodeImage: "202510.22.0", nodes: 2 }
              - { name: c, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.33.6, nodeImage: "202509.22.0", nodes: 2 }
        """

    @Test func poolsWithTheSameGapShareOneFinding() throws {
        let (inputs, _) = TestSupport.load(["fleet.yaml": Self.fleet], paths: ["releases", "schedules"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-11-17"))
        let gaps = plan.findings.filter { $0.code == "support-gap-no-image" }
        // a and b run the same image, due 2025-12-21; c's older image is due on 2025-11-21.
        let shared = try #require(gaps.first { $0.subject == "cluster/edge" })
        #expect(shared.message.hasPrefix("node pools a, b of cluster edge are out of support from 2025-12-21"), "\(shared.message)")
        #expect(gaps.contains { $0.subject == "cluster/edge/pool/c" && $0.message.hasPrefix("node pool c of cluster edge is out of support from 2025-11-21") }, "\(gaps.map(\.message))")
        #expect(SupportThroughHorizonCheck.problems(plan, inputs: inputs).isEmpty)
    }

    /// With `workerUpgrades: minimal`, a control-plane upgrade moves no pool, but the pools' kubelet skew changes
    /// with it: their support is walked again from the day the upgrade ends.
    @Test func aControlPlaneUpgradeChangesThePoolsItDoesNotMove() throws {
        let files = ["fleet.yaml": Self.fleet, "policy.yaml": PlanFixtures.policy("kubeletSkew: 0\nworkerUpgrades: minimal\n")]
        let (inputs, log) = TestSupport.load(files, paths: ["releases", "schedules/maintenance.yaml"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let context = PlanningContext(inputs: inputs, asOf: SupportFixtures.date("2025-11-17"), horizon: inputs.policy.horizon)
        let cluster = try #require(context.clusters.first { $0.name == "edge" })
        let end = Instant(minutesSinceEpoch: Instant(startOf: SupportFixtures.date("2025-12-02")).minutesSinceEpoch + 120)
        let upgrade = PlanStep(id: "edge/kubernetes/1.34.2", kind: .kubernetesUpgrade, cluster: "edge", managementCluster: nil, nodePool: nil,
                               from: "1.33.6", to: "1.34.2", occurrence: nil, start: end, end: end, estimatedMinutes: 60, due: nil, dueReason: nil,
                               status: .scheduled, after: [], reasons: [], fixes: [], knownIssues: [], nodeImages: [], order: 0)
        var memo = SupportAfterPlan.Memo()
        let walk = SupportAfterPlan.cluster(cluster, steps: [upgrade], unplaced: false, memo: &memo, context: context)
        // a and b were supported until then (c's image was already due on 2025-11-21).
        let skew = try #require(walk.findings.first { $0.subject == "cluster/edge" }, "\(walk.findings.map(\.message))")
        #expect(skew.message.hasPrefix("node pools a, b of cluster edge are out of support from 2025-12-02"), "\(skew.message)")
        #expect(skew.message.contains("1.34"), "\(skew.message)")
    }

    @Test func aGapALateStepClosesIsCoveredByIt() throws {
        // factory-prod's 1.29 ended on 2025-10-31; its hop to 1.30 is late (step-late), so no gap finding names it.
        let (_, plan) = SupportThroughHorizonTests.plan(asOf: "2025-11-17")
        #expect(plan.findings.contains { $0.code == "step-late" && $0.subject == "cluster/factory-prod" })
        #expect(!plan.findings.contains { $0.code.hasPrefix("support-gap-") && $0.subject == "cluster/factory-prod" })
    }
}
