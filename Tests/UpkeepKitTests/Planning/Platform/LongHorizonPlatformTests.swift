import Testing
@testable import UpkeepKit

@Suite("Platform updates over a long horizon")
struct LongHorizonPlatformTests {
    typealias P = PlanFixtures

    @Test func platformFirst_aReleaseThatFallsOutOfSupportWithinTheHorizonIsUpdatedAgain() {
        let releases = [("1.0.1.0", "2024-05-01"), ("1.0.2.0", "2024-06-01"), ("1.0.3.0", "2024-09-01"), ("1.0.4.0", "2024-12-01"), ("1.0.5.0", "2025-03-01")]
        let feed = P.platform(releases.map { P.Release(version: $0.0, released: $0.1, versions: ["1.28.1"]) })
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []), horizon: .days(360))
        // 1.0.2.0 (on 2024-07-01 the newest out) is out of support 60 days after 1.0.3.0 (2024-10-31),
        // and so on through the year.
        let updates = plan.steps.filter { $0.kind == .platformUpdate }
        #expect(updates.map(\.to) == ["1.0.2.0", "1.0.3.0", "1.0.4.0", "1.0.5.0"])
        #expect(updates.allSatisfy { $0.status == .scheduled })
        #expect(zip(updates, updates.dropFirst()).allSatisfy { $1.after.contains($0.id) })
    }
}
