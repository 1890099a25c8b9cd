import Testing
@testable import UpkeepKit

/// planning.md sections 3 ("Platform first") and 4: the order of steps.
@Suite("Platform updates and the dependency graph (planning.md 3-4)")
struct PlatformAndOrderTests {
    typealias P = PlanFixtures

    static let twoReleases = P.platform([
        P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.26.1", "1.27.1", "1.28.1"]),
        P.Release(version: "1.0.2.0", released: "2024-06-15", versions: ["1.28.2", "1.29.2", "1.30.2"]),
    ])

    @Test func platformFirst_updateWaitsForTheLaggingClusterAndTheNewMinorWaitsForTheUpdate() throws {
        let fleet = P.fleet(clusters: [P.Cluster(name: "lagging", version: "1.27.1")])
        let (plan, _) = P.plan(platform: Self.twoReleases, fleet: fleet, policy: P.policy("target: latest\n"))
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        let hops = plan.steps(of: "lagging").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.map(\.to) == ["1.28.1", "1.29.2", "1.30.2"])
        // The bridge takes what the current release offers, before the update.
        #expect(update.after.contains(hops[0].id))
        #expect((hops[0].end ?? Instant(minutesSinceEpoch: .max)) <= (update.start ?? Instant(minutesSinceEpoch: 0)))
        #expect(hops[0].reasons.contains { $0.hasPrefix("bridge:") })
        // 1.29 only exists in the new release: that hop waits for the update.
        #expect(hops[1].after.contains(update.id))
        #expect((update.end ?? Instant(minutesSinceEpoch: .max)) <= (hops[1].start ?? Instant(minutesSinceEpoch: 0)))
        #expect(update.id == "mgmt/platform/1.0.2.0" && update.managementCluster == "mgmt")
    }

    @Test func platformFirst_noPathIntoTheNewReleaseIsAnError() {
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.26.1", "1.27.1"]),
            P.Release(version: "1.0.2.0", released: "2024-06-15", versions: ["1.29.2", "1.30.2"]),
        ], rules: "supportedMinors: 2")
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [P.Cluster(name: "stuck", version: "1.26.1")]),
                               policy: P.policy("target: latest\n"))
        #expect(plan.findings.contains { $0.code == "no-upgrade-path" && $0.subject == "cluster/stuck" && $0.message.contains("1.0.2.0") })
        #expect(plan.steps.first { $0.kind == .platformUpdate }?.status == .blocked)
    }

    @Test func platformFirst_updatesToNextGoesOneReleaseAtATime() {
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1"]),
            P.Release(version: "1.0.2.0", released: "2024-02-01", versions: ["1.28.2"]),
            P.Release(version: "1.0.3.0", released: "2024-03-01", versions: ["1.28.3"]),
        ], rules: "updatesTo: next")
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []))
        let updates = plan.steps.filter { $0.kind == .platformUpdate }
        #expect(updates.map { "\($0.from) → \($0.to)" } == ["1.0.1.0 → 1.0.2.0", "1.0.2.0 → 1.0.3.0"])
        #expect(updates[1].after == [updates[0].id])
        let (latest, _) = P.plan(platform: feed.replacingOccurrences(of: "updatesTo: next", with: "updatesTo: latest"), fleet: P.fleet(clusters: []))
        #expect(latest.steps.filter { $0.kind == .platformUpdate }.map(\.to) == ["1.0.3.0"])
    }

    @Test func availability_aPlatformUpdateWaitsForItsReleaseDay() throws {
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1"]),
            P.Release(version: "1.0.2.0", released: "2024-08-20", versions: ["1.28.2"]),
        ])
        // The current release goes out of support within the horizon; the next one comes out on 08-20.
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []))
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        #expect(update.start?.description == "2024-08-25T03:00:00Z")
    }

    @Test func dependsOn_aClusterWaitsForTheFirstStepOfItsDependencyThatReachesTheVersion() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])], rules: "supportedMinors: 2")
        let fleet = P.fleet(clusters: [
            P.Cluster(name: "app", version: "1.28.1", pools: [P.Pool(version: "1.28.1", nodes: 1)], extra: "    dependsOn: [base]\n"),
            P.Cluster(name: "base", version: "1.28.1", pools: [P.Pool(version: "1.28.1", nodes: 12)]),
        ])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, policy: P.policy("target: latest\n"))
        let app = try #require(plan.steps(of: "app").first)
        let base = try #require(plan.steps(of: "base").first)
        #expect(app.after.contains(base.id))
        #expect(try #require(app.start) >= (try #require(base.end)))
    }

    @Test func dependsOn_aDependencyThatNeverReachesTheVersionBlocksTheStep() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])], rules: "supportedMinors: 2")
        let fleet = P.fleet(clusters: [
            P.Cluster(name: "app", version: "1.28.1", extra: "    dependsOn: [base]\n"),
            P.Cluster(name: "base", version: "1.28.1", management: nil),
        ])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, policy: P.policy("target: latest\n"))
        let app = try #require(plan.steps(of: "app").first)
        #expect(app.status == .blocked && app.start == nil && app.window == nil)
        #expect(plan.findings.contains { $0.code == "step-blocked" && $0.subject == "cluster/app" && $0.message.contains("planned never to reach 1.29") })
    }

    @Test func dependsOn_aCycleIsAnInputErrorNamingItsClusters() throws {
        let run = try ValidateCommandTests.upkeep(["plan", "Tests/UpkeepKitTests/Fixtures/diagnostics/depends-on-cycle.yaml", "--as-of", "2024-07-01"])
        #expect(run.status == 1)
        #expect(run.output.contains("the clusters' dependsOn form a cycle: alpha → gamma → beta → alpha."))
    }
}

private extension PlanStep {
    var window: WindowOccurrence? { occurrence }
}
