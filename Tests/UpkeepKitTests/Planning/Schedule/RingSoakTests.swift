import Testing
@testable import UpkeepKit

/// planning.md 4, ring soak: what the scheduler's soak gates and soak ends (`SoakGates`, `SoakEnds`) do to a plan.
@Suite("Ring soak (planning.md 4)")
struct RingSoakTests {
    typealias P = PlanFixtures

    @Test func rings_prodWaitsForStagingsStepPlusSevenDaysOfSoak() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])], rules: "supportedMinors: 2")
        let fleet = P.fleet(clusters: [P.Cluster(name: "stage", version: "1.28.1", ring: "staging"),
                                       P.Cluster(name: "prod", version: "1.28.1", ring: "prod")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, policy: P.policy("target: latest\n"))
        let staging = try #require(plan.steps(of: "stage").first)
        let production = try #require(plan.steps(of: "prod").first)
        let soakEnd = try #require(staging.end).adding(minutes: 7 * 1440)
        #expect(try #require(production.start) >= soakEnd)
        #expect(production.after.contains(staging.id))
    }

    @Test func rings_aStepThatFixesAnAdvisoryBypassesSoak() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])], rules: "supportedMinors: 2")
        let advisory = """
            apiVersion: upkeep/v1
            kind: SecurityAdvisory
            id: CVE-2099-0002
            published: 2024-06-20
            severity: critical
            affects: { kubernetes: [{ introduced: 1.28.0, fixed: 1.29.0 }] }
            """
        let fleet = P.fleet(clusters: [P.Cluster(name: "stage", version: "1.28.1", ring: "staging"),
                                       P.Cluster(name: "prod", version: "1.28.1", ring: "prod")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, policy: P.policy("target: latest\n"), extra: ["advisory.yaml": advisory])
        let staging = try #require(plan.steps(of: "stage").first)
        let production = try #require(plan.steps(of: "prod").first)
        #expect(production.fixes == ["CVE-2099-0002"])
        #expect(try #require(production.start) < (try #require(staging.end)).adding(minutes: 7 * 1440))
        let (noBypass, _) = P.plan(platform: feed, fleet: fleet, policy: P.policy("target: latest\nsecurityBypassesSoak: false\n"), extra: ["advisory.yaml": advisory])
        let waiting = try #require(noBypass.steps(of: "prod").first)
        #expect(try #require(waiting.start) >= (try #require(noBypass.steps(of: "stage").first?.end)).adding(minutes: 7 * 1440))
    }
}
