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

    /// A platform whose releases list an unsupported 1.24 and, in the newer release, only 1.27–1.29 beyond it.
    static func jumpFeed(rules: String) -> String {
        P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.22.1", "1.23.1", "1.24.1"]),
                    P.Release(version: "1.0.2.0", released: "2024-02-01", versions: ["1.27.1", "1.28.1", "1.29.1", "1.22.1", "1.23.1", "1.24.1"],
                              extra: "    endOfSupport: [{ minor: \"1.24\", date: 2024-03-01 }]\n")], rules: rules)
    }

    @Test func skipFromUnsupported_jumpsStraightBackIntoSupportWhereThePlatformAllowsIt() {
        let feed = Self.jumpFeed(rules: "supportedMinors: 3, skipMinorsFromUnsupported: true")
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

    /// AKS hybrid's default: Get-AksHciClusterUpdates offers the next minor only, so no jump, whatever the policy.
    @Test func skipFromUnsupported_neverWhereThePlatformUpgradesOneMinorAtATime() {
        let feed = Self.jumpFeed(rules: "supportedMinors: 3")
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(management: "1.0.2.0", clusters: [P.Cluster(name: "alpha", version: "1.24.1")]))
        #expect(plan.steps(of: "alpha").filter { $0.kind == .kubernetesUpgrade }.isEmpty)
        #expect(!plan.findings.contains { $0.code == "skips-minors" })
        #expect(plan.findings.contains { $0.code == "no-release-offers-target" && $0.message.contains("Kubernetes 1.25") })
    }

    /// A jump onto a patch already out of support on the day it runs buys nothing: one minor at a time instead,
    /// passing through the unsupported minor (a warning) on the way to the supported one.
    @Test func skipFromUnsupported_neverOntoAPatchOutOfSupportOnTheDayItRuns() {
        // 1.0.2.0 offers 1.26.1 (dropped by 1.0.3.0, so out of support 30 days later) and 1.27.x; 1.0.3.0 needs 1.26+.
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.24.1", "1.25.1", "1.26.1"]),
                               P.Release(version: "1.0.2.0", released: "2024-02-01", versions: ["1.24.1", "1.25.1", "1.26.1"],
                                         extra: "    endOfSupport: [{ minor: \"1.24\", date: 2024-03-01 }]\n"),
                               P.Release(version: "1.0.3.0", released: "2024-03-01", versions: ["1.26.2", "1.27.1", "1.28.1"])],
                              rules: "supportedMinors: 3, skipMinorsFromUnsupported: true")
        let fleet = P.fleet(management: "1.0.2.0", clusters: [P.Cluster(name: "alpha", version: "1.24.1")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet)
        let hops = plan.steps(of: "alpha").filter { $0.kind == .kubernetesUpgrade }.map(\.to)
        #expect(hops.first == "1.25.1", "\(hops)")
        #expect(!plan.findings.contains { $0.code == "skips-minors" })
        for (from, to) in zip(["1.24.1"] + hops, hops) {
            let a = KubernetesVersion(parsing: from), b = KubernetesVersion(parsing: to)
            #expect(a.map { b?.minorVersion.distance(from: $0.minorVersion) ?? 0 } ?? 0 <= 1, "\(from) → \(to)")
        }
    }

    /// kubeadm upgrades one minor at a time: a standalone cluster minors behind passes through each, taking the
    /// newest released patch of a minor past its end of life with a warning, and never skips one.
    @Test func standalone_neverSkipsAMinor() {
        let upstream = """
            apiVersion: upkeep/v1
            kind: KubernetesReleases
            minors:
              - { minor: "1.28", released: 2023-08-15, endOfLife: 2024-06-28, patches: [{ version: 1.28.1, released: 2023-09-01 }, { version: 1.28.9, released: 2024-04-16 }] }
              - { minor: "1.29", released: 2023-12-13, endOfLife: 2025-02-28, patches: [{ version: 1.29.1, released: 2024-01-17 }, { version: 1.29.4, released: 2024-04-16 }] }
              - { minor: "1.30", released: 2024-04-17, endOfLife: 2025-06-28, patches: [{ version: 1.30.1, released: 2024-05-15 }] }

            """
        let fleet = P.fleet(clusters: [P.Cluster(name: "edge", version: "1.27.3", management: nil)])
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.29.1"])])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, extra: ["upstream.yaml": upstream], asOf: "2024-07-01")
        let hops = plan.steps(of: "edge").filter { $0.kind == .kubernetesUpgrade }.map(\.to)
        #expect(hops == ["1.28.9", "1.29.4"], "\(hops)")  // 1.29 is the lowest minor supported at the horizon's end
        #expect(plan.findings.contains { $0.code == "transit-version-unsupported" && $0.message.contains("passes through 1.28.9") })
        #expect(!plan.findings.contains { $0.code == "skips-minors" })
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
        // 1.28.4 came with an earlier release, which 1.0.1.0 dropped it from: its cluster needs a newer patch.
        let feed = P.platform([P.Release(version: "1.0.0.0", released: "2024-01-01", versions: ["1.27.4", "1.28.4"]),
                               P.Release(version: "1.0.1.0", released: "2024-06-01", versions: ["1.25.5", "1.26.5", "1.27.5", "1.28.5", "1.29.5"])],
                              rules: "supportedMinors: 5")
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.28.4")]),
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
