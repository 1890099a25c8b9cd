import Testing
@testable import UpkeepKit

/// planning.md 3, "Platform first" and "a target version must be supported on the day its step runs": a
/// hop whose minor the current release lists only in patches already out of support waits for the
/// planned platform update and takes the newest supported patch the new release offers.
@Suite("Platform-first hops that wait for the release they need (planning.md 3)")
struct PlatformFirstHopTests {
    typealias P = PlanFixtures

    /// R0 (the management cluster's release) lists 1.28 only as 1.28.1, dropped by R1 on 2024-03-01 and so
    /// out of support since 2024-03-31, more than 30 days before --as-of 2024-07-01. R2 offers 1.28.3 and is
    /// the release the plan updates to (R0 itself is out of support: 60 days behind R1).
    static let feed = P.platform([
        P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.26.1", "1.27.1", "1.28.1"]),
        P.Release(version: "1.0.2.0", released: "2024-03-01", versions: ["1.27.2", "1.28.2", "1.29.2"]),
        P.Release(version: "1.0.3.0", released: "2024-05-01", versions: ["1.27.3", "1.28.3", "1.29.3"]),
    ])

    /// Target n-1: 1.28, the second newest minor of the newest release.
    static let fleet = P.fleet(clusters: [
        P.Cluster(name: "behind-two", version: "1.26.1"),
        P.Cluster(name: "behind-one", version: "1.27.1"),
        P.Cluster(name: "follower", version: "1.27.1", extra: "    dependsOn: [behind-one]\n"),
        P.Cluster(name: "staged", version: "1.27.1", ring: "staging"),
    ])

    /// Dev soaks 3 days before staging may take a version.
    static let policy = """
        apiVersion: upkeep/v1
        kind: UpgradePolicy
        target: n-1
        rings: [{ name: dev, soak: 3d }, { name: staging, soak: 7d }]
        """

    static func makePlan() -> Plan {
        P.plan(platform: feed, fleet: fleet, policy: policy).0
    }

    static func start(_ step: PlanStep?) -> Instant { step?.start ?? Instant(minutesSinceEpoch: 0) }
    static func end(_ step: PlanStep?) -> Instant { step?.end ?? Instant(minutesSinceEpoch: 60_000_000) }

    @Test func platformFirst_theUpdateGoesToTheNewestReleaseAfterTheBridge() throws {
        let plan = Self.makePlan()
        let updates = plan.steps.filter { $0.kind == .platformUpdate }
        #expect(updates.map(\.id) == ["mgmt/platform/1.0.3.0"])
        let update = try #require(updates.first)
        // R0 has been 60 days behind R1 since 2024-04-30: late, but placed in the first Sunday window.
        #expect(update.status == .late && update.due?.description == "2024-04-30")
        #expect(update.start?.description == "2024-07-07T03:00:00Z")
        // Only the N−2 cluster's bridge holds the update back.
        #expect(update.after == ["behind-two/kubernetes/1.27.1"])
    }

    @Test func platformFirst_aClusterTwoMinorsBehindBridgesWithAWarningThenHopsAfterTheUpdate() throws {
        let plan = Self.makePlan()
        let update = plan.step("mgmt/platform/1.0.3.0")
        let hops = plan.steps(of: "behind-two").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.map(\.to) == ["1.27.1", "1.28.3"])
        // 1.26 lost support on 2024-03-31 (R1 dropped it on 03-01): the first hop is late; the second is on
        // time (1.27 has no announced end).
        #expect(hops.map(\.status) == [.late, .scheduled])
        #expect(hops[0].reasons.contains { $0.hasPrefix("bridge:") })
        #expect(Self.end(hops[0]) <= Self.start(update))
        #expect(plan.findings.contains { $0.code == "bridge-version-unsupported" && $0.subject == "cluster/behind-two" && $0.message.contains("1.27.1") })
        #expect(hops[1].after.contains("mgmt/platform/1.0.3.0") && hops[1].after.contains(hops[0].id))
        #expect(Self.end(update) <= Self.start(hops[1]))
    }

    @Test func platformFirst_aClusterOneMinorBehindHopsOnceAfterTheUpdateToASupportedPatch() throws {
        let plan = Self.makePlan()
        let update = plan.step("mgmt/platform/1.0.3.0")
        let hops = plan.steps(of: "behind-one").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.map(\.to) == ["1.28.3"])
        // Its patch 1.27.1 lost support on 2024-03-31: late, yet placed on the first day after the update.
        #expect(hops.map(\.status) == [.late])
        #expect(hops.first?.start?.description == "2024-07-08T01:00:00Z")
        #expect(hops.first?.after == ["mgmt/platform/1.0.3.0"])
        #expect(Self.end(update) <= Self.start(hops.first))
        #expect(!plan.steps.contains { $0.status == .unschedulable })
        #expect(!plan.findings.contains { $0.message.contains("no release offers") })
    }

    @Test func platformFirst_aLaterRingWaitsForSoakAfterTheUpdate() throws {
        let plan = Self.makePlan()
        let devHop = plan.steps(of: "behind-one").first { $0.kind == .kubernetesUpgrade }
        let staged = try #require(plan.steps(of: "staged").first { $0.kind == .kubernetesUpgrade })
        #expect(staged.to == "1.28.3" && staged.status == .late)
        #expect(staged.after.contains("mgmt/platform/1.0.3.0"))
        // Staging waits 3 days (dev's soak) after the last dev-ring step that reaches 1.28.3.
        let devEnds = plan.steps.filter { $0.to == "1.28.3" && ["behind-one", "behind-two", "follower"].contains($0.cluster ?? "") }.map { Self.end($0) }
        let lastDevEnd = try #require(devEnds.max())
        #expect(Self.start(staged) >= lastDevEnd.adding(minutes: 3 * 1440))
        #expect(Self.start(staged) > Self.start(devHop))
    }

    @Test func platformFirst_aDependentClusterWaitsForItsDependencyAfterTheUpdate() throws {
        let plan = Self.makePlan()
        let dependency = try #require(plan.steps(of: "behind-one").first { $0.kind == .kubernetesUpgrade })
        let follower = try #require(plan.steps(of: "follower").first { $0.kind == .kubernetesUpgrade })
        #expect(follower.to == "1.28.3" && follower.status == .late)
        #expect(follower.after.contains(dependency.id) && follower.after.contains("mgmt/platform/1.0.3.0"))
        #expect(Self.start(follower) >= Self.end(dependency))
    }

    @Test func platformFirst_aHopStillTakesTheCurrentReleasesSupportedPatchWithoutWaiting() throws {
        // The same shape, but R0's 1.28 patch is one every later release still lists: supported, so the hop
        // takes it at once and does not wait for the update (which is still planned: R0 is out of support).
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.26.1", "1.27.1", "1.28.2"]),
            P.Release(version: "1.0.2.0", released: "2024-03-01", versions: ["1.27.2", "1.28.2", "1.29.2"]),
            P.Release(version: "1.0.3.0", released: "2024-05-01", versions: ["1.27.3", "1.28.2", "1.28.3", "1.29.3"]),
        ])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [P.Cluster(name: "behind-one", version: "1.27.1")]),
                               policy: P.policy("target: n-1\n"))
        let hop = try #require(plan.steps(of: "behind-one").first { $0.kind == .kubernetesUpgrade })
        #expect(hop.to == "1.28.2" && hop.after.isEmpty)
        #expect(hop.start?.description == "2024-07-01T01:00:00Z")
        #expect(Self.end(hop) <= Self.start(plan.steps.first { $0.kind == .platformUpdate }))
    }
}

/// The property of PlanInvariants, checked where PlanFixtures does not reach, and shown to catch the
/// plan the planner used to make.
@Suite("Platform first, as a property of every plan")
struct PlatformFirstPropertyTests {
    typealias P = PlanFixtures

    @Test func platformFirst_theCheckFindsAHopLeftUnschedulableWhileTheUpdateOffersItsMinor() throws {
        let (inputs, _) = TestSupport.load(["platform.yaml": PlatformFirstHopTests.feed, "fleet.yaml": PlatformFirstHopTests.fleet,
                                            "schedule.yaml": P.schedule(), "policy.yaml": PlatformFirstHopTests.policy, "images.yaml": P.catalog])
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"))
        #expect(PlanInvariants.unschedulableForNoReleaseWhileAnUpdateOffersOne(plan, inputs: inputs).isEmpty)
        // The same plan with behind-one's hop as the planner used to leave it.
        let hop = try #require(plan.steps(of: "behind-one").first { $0.kind == .kubernetesUpgrade })
        let old = PlanStep(id: "behind-one/kubernetes/1.28", kind: .kubernetesUpgrade, cluster: "behind-one", managementCluster: nil,
                           nodePool: nil, from: "1.27.1", to: "1.28", occurrence: nil, start: nil, end: nil,
                           estimatedMinutes: hop.estimatedMinutes, due: hop.due, dueReason: hop.dueReason, status: .unschedulable,
                           after: [], reasons: ["no release offers a Kubernetes 1.28 version it may take when it could run"],
                           fixes: [], knownIssues: [], nodeImages: [], order: hop.order)
        var doctored = plan
        doctored.steps = plan.steps.map { $0.id == hop.id ? old : $0 }
        let problems = PlanInvariants.unschedulableForNoReleaseWhileAnUpdateOffersOne(doctored, inputs: inputs)
        #expect(problems == ["behind-one/kubernetes/1.28 is unschedulable (no release offers a Kubernetes 1.28 version it may take when it could run) although mgmt/platform/1.0.3.0 offers 1.28.3, supported on 2024-07-08"])  // the day the cluster's window opens after the update
        // And a hop onto the new release that does not wait for the update.
        #expect(PlanInvariants.hopsOnANewReleaseWaitForItsUpdate(plan, inputs: inputs).isEmpty)
        let hasty = PlanStep(id: hop.id, kind: .kubernetesUpgrade, cluster: "behind-one", managementCluster: nil, nodePool: nil,
                             from: hop.from, to: hop.to, occurrence: hop.occurrence, start: hop.start, end: hop.end,
                             estimatedMinutes: hop.estimatedMinutes, due: hop.due, dueReason: hop.dueReason, status: hop.status,
                             after: [], reasons: hop.reasons, fixes: hop.fixes, knownIssues: hop.knownIssues, nodeImages: hop.nodeImages, order: hop.order)
        doctored.steps = plan.steps.map { $0.id == hop.id ? hasty : $0 }
        #expect(PlanInvariants.hopsOnANewReleaseWaitForItsUpdate(doctored, inputs: inputs)
                == ["behind-one/kubernetes/1.28.3 takes 1.28.3, which mgmt's release 1.0.1.0 does not offer, but waits for no platform update"])
    }

    @Test(arguments: ["2024-03-01", "2024-05-15", "2024-07-01", "2024-09-01", "2024-11-15", "2025-02-01"])
    func platformFirst_theShippedFeedsAndExamplesHoldTheProperty(asOf: String) {
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf))
        #expect(!plan.steps.isEmpty)
        PlanInvariants.check(plan, inputs: inputs)
    }
}

@Suite("Platform first when a patch loses support between --as-of and the hop")
struct PlatformFirstLaterDayTests {
    typealias P = PlanFixtures

    @Test func platformFirst_aHopWhosePatchLosesSupportBeforeItsWindowWaitsForTheUpdate() throws {
        // 1.28.1 is supported on --as-of 2024-07-02 but not from 2024-07-25 (R1, out 06-25, dropped it);
        // the cluster's only window opens on 2024-08-01. R0 itself goes out of support on 2024-08-24.
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.27.1", "1.28.1"]),
            P.Release(version: "1.0.2.0", released: "2024-06-25", versions: ["1.27.2", "1.28.2", "1.29.2"]),
        ])
        let monthly = """
              - name: monthly
                timeZone: UTC
                monthly: { dayOfMonth: 1, start: "01:00", duration: 4h }
            """
        let fleet = P.fleet(lastUpdated: "2024-06-20", clusters: [P.Cluster(name: "monthly-one", version: "1.27.1", window: "monthly")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, schedule: P.schedule(extraWindows: monthly),
                               policy: P.policy("target: n-1\n"), asOf: "2024-07-02")
        let hop = try #require(plan.steps(of: "monthly-one").first { $0.kind == .kubernetesUpgrade })
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        #expect(hop.to == "1.28.2" && hop.status != .unschedulable)
        #expect(hop.after.contains(update.id))
        #expect((update.end ?? Instant(minutesSinceEpoch: 60_000_000)) <= (hop.start ?? Instant(minutesSinceEpoch: 0)))
        #expect(hop.start?.description == "2024-08-01T01:00:00Z")
    }
}

/// Planning.md 4, rings: soak waits never deadlock the plan. On AKS Arc 2508 (the shipped feed), a prod
/// cluster on 1.29 — which 2510 no longer offers — must bridge to 1.30 before the update to 2510, while a
/// staging cluster on 1.30.9 needs 2510's 1.30.14: the prod bridge would wait for staging's step to 1.30,
/// which waits for the update, which waits for the bridge.
@Suite("Ring soak gives way to the platform update the fleet needs")
struct RingSoakGivesWayTests {
    static let fleet = """
        apiVersion: upkeep/v1
        kind: Fleet
        name: arc
        managementClusters:
          - { name: arc-local, platform: aks-arc, version: 2508, lastUpdated: 2025-09-07, window: mgmt-sunday }
        clusters:
          - name: factory-prod
            managementCluster: arc-local
            ring: prod
            kubernetesVersion: 1.29.13
            window: prod-saturday
            nodePools: [{ name: system, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.29.13, nodeImage: "202508.29.0", nodes: 3 }]
          - name: quality-staging
            managementCluster: arc-local
            ring: staging
            kubernetesVersion: 1.30.9
            window: staging-wednesday
            nodePools: [{ name: system, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.30.9, nodeImage: "202508.29.0", nodes: 3 }]
        """

    @Test func rings_aSoakWaitThatWouldDeadlockThePlatformUpdateGivesWayWithAWarning() throws {
        let (inputs, log) = TestSupport.load(["fleet.yaml": Self.fleet], paths: ["releases", "schedules"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-11-03"))
        #expect(!plan.findings.contains { $0.code == "dependency-cycle" })
        let bridge = try #require(plan.steps.first { $0.cluster == "factory-prod" && $0.to.hasPrefix("1.30.") && $0.from.hasPrefix("1.29.") })
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate && $0.managementCluster == "arc-local" })
        let patch = try #require(plan.steps.first { $0.cluster == "quality-staging" && $0.kind == .kubernetesUpgrade })
        #expect([bridge, update, patch].allSatisfy { $0.start != nil }, "\(plan.steps.map { "\($0.id) \($0.status)" })")
        // The bridge runs before the update, and staging's patch (on the new release) after it.
        #expect(try #require(bridge.end) <= (try #require(update.start)))
        #expect(try #require(update.end) <= (try #require(patch.start)))
        #expect(patch.to == "1.30.14")
        #expect(plan.findings.contains { $0.code == "ring-order-given-way" && $0.subject == "cluster/factory-prod" })
        PlanInvariants.check(plan, inputs: inputs)
    }
}

/// Planning.md 3, "Platform first": a bridge takes what the current release lists, which may leave an advisory
/// unfixed that a later patch of the same minor fixes; a patch upgrade after the platform update takes it.
@Suite("An advisory a bridge cannot fix")
struct BridgeThenAdvisoryPatchTests {
    typealias P = PlanFixtures

    @Test func platformFirst_anAdvisoryTheBridgeCannotFixGetsAPatchAfterTheUpdate() throws {
        // R1 lists 1.28.1 and 1.29.1; R2 (out 2024-06-10) drops 1.28 and lists 1.29.4, which fixes the advisory.
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-10", versions: ["1.28.1", "1.29.1"]),
            P.Release(version: "1.0.2.0", released: "2024-06-10", versions: ["1.29.4", "1.30.1"]),
        ])
        let advisory = """
            apiVersion: upkeep/v1
            kind: SecurityAdvisory
            id: CVE-2099-0002
            published: 2024-06-20
            severity: high
            summary: invented
            affects:
              kubernetes:
                - { introduced: "0", fixed: 1.29.4 }
            """
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.28.1")]),
                               policy: P.policy("target: minimum\n"), extra: ["advisory.yaml": advisory])
        let steps = plan.steps.filter { $0.cluster == "alpha" && $0.kind == .kubernetesUpgrade }
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        #expect(steps.map { "\($0.from) → \($0.to)" } == ["1.28.1 → 1.29.1", "1.29.1 → 1.29.4"], "\(plan.steps.map(\.id))")
        let patch = try #require(steps.last)
        #expect(patch.fixes == ["CVE-2099-0002"] && patch.after.contains(update.id))
        #expect(try #require(patch.start) >= (try #require(update.end)))
        #expect(!plan.findings.contains { $0.code == "nothing-to-fix-with" && $0.message.contains("CVE-2099-0002") })
    }
}
