import Testing
@testable import UpkeepKit

/// planning.md section 3, the targets stage: the minor each cluster moves to.
@Suite("Targets (planning.md 3)")
struct TargetTests {
    typealias P = PlanFixtures
    static let wide = TargetsAndPathsTests.wide

    @Test func target_minimumIsTheLowestMinorSupportedAtTheHorizonsEnd() {
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.26.1", "1.27.1", "1.28.1"]),
            P.Release(version: "1.0.2.0", released: "2024-06-01", versions: ["1.27.2", "1.28.2", "1.29.2"]),
        ])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(management: "1.0.2.0", clusters: [P.Cluster(name: "alpha", version: "1.26.1")]))
        // 1.26 was dropped on 2024-06-01 (+30 days): the lowest minor supported on 2024-12-28 is 1.27.
        #expect(plan.steps(of: "alpha").filter { $0.kind == .kubernetesUpgrade }.map(\.to) == ["1.27.2"])
    }

    @Test func target_nMinusOneIsTheSecondNewestAndLatestTheNewest() {
        let fleet = P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.25.5")])
        let (nMinusOne, _) = P.plan(platform: Self.wide, fleet: fleet, policy: P.policy("target: n-1\n"))
        let (latest, _) = P.plan(platform: Self.wide, fleet: fleet, policy: P.policy("target: latest\n"))
        #expect(nMinusOne.clusters.first?.target == "1.28.5")
        #expect(latest.clusters.first?.target == "1.29.5")
    }

    @Test func neverDowngrade_aClusterAboveItsTargetStays() {
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.29.5")]),
                               policy: P.policy("target: minimum\n"))
        #expect(plan.steps(of: "alpha").isEmpty)
        #expect(plan.clusters.first?.target == "1.29.5")
    }
}
