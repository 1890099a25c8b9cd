import Foundation
import Testing
@testable import UpkeepKit

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
        let walk = SupportAfterPlan.cluster(cluster, steps: [upgrade], unplaced: [], memo: &memo, context: context)
        // a and b were supported until then (c's image was already due on 2025-11-21).
        let skew = try #require(walk.findings.first { $0.subject == "cluster/edge" }, "\(walk.findings.map(\.message))")
        #expect(skew.message.hasPrefix("node pools a, b of cluster edge are out of support from 2025-12-02"), "\(skew.message)")
        #expect(skew.message.contains("1.34"), "\(skew.message)")
    }

    /// A step without a slot accounts for the gaps it would close, not for others: an unschedulable control-plane
    /// upgrade accounts for the control plane's gap but not for a pool whose image alone is out of support (the
    /// upgrade, run, would leave that image as it is); an unplaced image update of the pool does account for it.
    @Test func anUnplacedStepAccountsOnlyForTheGapsItWouldClose() throws {
        let (inputs, log) = TestSupport.load(["fleet.yaml": Self.fleet], paths: ["releases", "schedules"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let context = PlanningContext(inputs: inputs, asOf: SupportFixtures.date("2025-11-17"), horizon: inputs.policy.horizon)
        let cluster = try #require(context.clusters.first { $0.name == "edge" })
        func unplaced(_ kind: PlanStep.Kind, pool: String?) -> PlanStep {
            PlanStep(id: "edge/unplaced", kind: kind, cluster: "edge", managementCluster: nil, nodePool: pool, from: "", to: "", occurrence: nil,
                     start: nil, end: nil, estimatedMinutes: 60, due: nil, dueReason: nil, status: .unschedulable, after: [], reasons: [],
                     fixes: [], knownIssues: [], nodeImages: [], order: 0)
        }
        var memo = SupportAfterPlan.Memo()
        let withUpgrade = SupportAfterPlan.cluster(cluster, steps: [], unplaced: [unplaced(.kubernetesUpgrade, pool: nil)], memo: &memo, context: context)
        // The three pools' images go out of support within the horizon: still named.
        #expect(withUpgrade.findings.contains { $0.subject == "cluster/edge/pool/c" && $0.code == "support-gap-no-image" }, "\(withUpgrade.findings.map(\.message))")
        #expect(withUpgrade.findings.contains { $0.subject == "cluster/edge" && $0.message.hasPrefix("node pools a, b") })
        let withImage = SupportAfterPlan.cluster(cluster, steps: [], unplaced: [unplaced(.nodeImageUpdate, pool: "c")], memo: &memo, context: context)
        #expect(!withImage.findings.contains { $0.subject == "cluster/edge/pool/c" }, "\(withImage.findings.map(\.message))")
        #expect(withImage.findings.contains { $0.subject == "cluster/edge" && $0.message.hasPrefix("node pools a, b") })
    }

    @Test func aGapALateStepClosesIsCoveredByIt() throws {
        // factory-prod's 1.29 ended on 2025-10-31; its hop to 1.30 is late (step-late), so no gap finding names it.
        let (_, plan) = SupportThroughHorizonTests.plan(asOf: "2025-11-17")
        #expect(plan.findings.contains { $0.code == "step-late" && $0.subject == "cluster/factory-prod" })
        #expect(!plan.findings.contains { $0.code.hasPrefix("support-gap-") && $0.subject == "cluster/factory-prod" })
    }
}
