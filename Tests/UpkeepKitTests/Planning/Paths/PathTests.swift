import Testing
@testable import UpkeepKit

/// planning.md section 3, the paths stage: hops one minor at a time, jumps back into support, patch
/// upgrades and pool moves for skew.
@Suite("Paths (planning.md 3)")
struct TargetsAndPathsTests {
    typealias P = PlanFixtures

    static let wide = P.platform([P.Release(version: "1.0.1.0", released: "2024-06-01",
                                            versions: ["1.25.5", "1.26.5", "1.27.5", "1.28.5", "1.29.5"])],
                                 rules: "supportedMinors: 5")

    @Test func noMinorIsSkipped_clusterThreeMinorsBehindGetsThreeHopsInOrder() throws {
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.26.5")]),
                               policy: P.policy("target: latest\n"))
        let hops = plan.steps(of: "alpha").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.map(\.to) == ["1.27.5", "1.28.5", "1.29.5"])
        #expect(hops.map(\.from) == ["1.26.5", "1.27.5", "1.28.5"])
        #expect(hops[1].after.contains(hops[0].id) && hops[2].after.contains(hops[1].id))
        let starts = hops.compactMap(\.start)
        #expect(starts.count == 3 && starts == starts.sorted())
        #expect(zip(hops, hops.dropFirst()).allSatisfy { ($0.end ?? Instant(minutesSinceEpoch: 0)) <= ($1.start ?? Instant(minutesSinceEpoch: 0)) })
    }

    @Test func skipFromUnsupported_jumpsStraightBackIntoSupportWithAWarning() {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.22.1", "1.23.1", "1.24.1"]),
                               P.Release(version: "1.0.2.0", released: "2024-02-01", versions: ["1.27.1", "1.28.1", "1.29.1", "1.22.1", "1.23.1", "1.24.1"],
                                         extra: "    endOfSupport: [{ minor: \"1.24\", date: 2024-03-01 }]\n")])
        let fleet = P.fleet(management: "1.0.2.0", clusters: [P.Cluster(name: "alpha", version: "1.24.1")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet)
        let hops = plan.steps(of: "alpha").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.map(\.to) == ["1.27.1"])
        #expect(plan.findings.contains { $0.code == "skips-minors" && $0.subject == "cluster/alpha" })
        let (strict, _) = P.plan(platform: feed, fleet: fleet, policy: P.policy("skipFromUnsupported: false\n"))
        // Without the jump, the cluster must go one minor at a time, and no release offers 1.25.
        #expect(strict.steps(of: "alpha").filter { $0.kind == .kubernetesUpgrade }.isEmpty)
        #expect(strict.findings.contains { $0.code == "no-release-offers-target" && $0.message.contains("Kubernetes 1.25") })
    }

    @Test func patches_aDroppedPatchGetsAPatchUpgradeWithinItsMinor() {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.27.1", "1.27.2", "1.28.1"]),
                               P.Release(version: "1.0.2.0", released: "2024-06-10", versions: ["1.27.2", "1.27.3", "1.28.1"])])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(management: "1.0.2.0", clusters: [P.Cluster(name: "alpha", version: "1.27.1")]))
        let step = plan.steps(of: "alpha").first { $0.kind == .kubernetesUpgrade }
        #expect(step?.to == "1.27.3")
        #expect(step?.due == SupportFixtures.date("2024-07-10"))
        #expect(step?.reasons.contains { $0.contains("patch 1.27.1 was dropped") } == true)
    }

    @Test func patches_aMinorHopReplacesThePatchUpgrade() {
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.28.4")]),
                               policy: P.policy("target: latest\n"))
        #expect(plan.steps(of: "alpha").map(\.to) == ["1.29.5"])
    }

    @Test func skew_aPoolThreeMinorsBehindMovesBeforeTheNextHop() throws {
        let cluster = P.Cluster(name: "alpha", version: "1.28.5", pools: [P.Pool(name: "system", version: "1.28.5"), P.Pool(name: "old", version: "1.25.5")])
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [cluster]), policy: P.policy("target: latest\n"))
        let poolStep = try #require(plan.steps(of: "alpha").first { $0.kind == .nodePoolUpgrade })
        let hop = try #require(plan.steps(of: "alpha").first { $0.kind == .kubernetesUpgrade })
        #expect(poolStep.nodePool == "old" && poolStep.from == "1.25.5" && poolStep.to == "1.28.5")
        #expect(hop.to == "1.29.5" && hop.after.contains(poolStep.id))
        #expect(poolStep.order < hop.order)
    }

    @Test func skew_minimalWorkerUpgradesMoveTheControlPlaneFirstAndEachPoolOnce() {
        let cluster = P.Cluster(name: "alpha", version: "1.26.5", pools: [P.Pool(name: "a", version: "1.26.5"), P.Pool(name: "b", version: "1.26.5")])
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [cluster]), policy: P.policy("target: latest\nworkerUpgrades: minimal\n"))
        let steps = plan.steps(of: "alpha")
        #expect(steps.filter { $0.kind == .kubernetesUpgrade }.map(\.to) == ["1.27.5", "1.28.5", "1.29.5"])
        // Skew 2: before 1.29 every pool must be at 1.27 or newer, so each pool moves once before it,
        // to the control plane's version then (1.28.5), and once more at the end.
        let poolMoves = steps.filter { $0.kind == .nodePoolUpgrade }
        #expect(poolMoves.map { "\($0.nodePool ?? "") \($0.to)" } == ["a 1.28.5", "b 1.28.5", "a 1.29.5", "b 1.29.5"])
        #expect(steps.filter { $0.kind == .kubernetesUpgrade }.allSatisfy { $0.estimatedMinutes == 30 })
    }
}

@Suite("Minimal worker upgrades with a patch")
struct MinimalPatchTests {
    typealias P = PlanFixtures

    @Test func skew_minimalPatchUpgradeMovesTheControlPlaneThenEachPoolOnce() {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.27.1", "1.27.2", "1.28.1"]),
                               P.Release(version: "1.0.2.0", released: "2024-06-10", versions: ["1.27.2", "1.27.3", "1.28.1"])])
        let cluster = P.Cluster(name: "alpha", version: "1.27.1", pools: [P.Pool(name: "a", version: "1.27.1"), P.Pool(name: "b", version: "1.27.1")])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(management: "1.0.2.0", clusters: [cluster]), policy: P.policy("workerUpgrades: minimal\n"))
        let steps = plan.steps(of: "alpha")
        #expect(steps.map { "\($0.kind.rawValue) \($0.nodePool ?? "-") \($0.to)" } == [
            "kubernetes-upgrade - 1.27.3", "node-pool-upgrade a 1.27.3", "node-pool-upgrade b 1.27.3",
        ])
    }
}
