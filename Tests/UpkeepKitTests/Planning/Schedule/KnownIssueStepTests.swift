import Testing
@testable import UpkeepKit

@Suite("Known issues on steps")
struct KnownIssueStepTests {
    typealias P = PlanFixtures

    @Test func everyStepExplainsItself_knownIssuesOfTheTargetAreListed() throws {
        let issue = "    knownIssues:\n      - { id: slow-drain, summary: Windows drains slowly, affects: { kubernetesVersions: [1.29.1], os: windows }, workaround: Drain by hand. }\n"
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"], extra: issue)], rules: "supportedMinors: 2")
        let windowsCluster = P.Cluster(name: "mixed", version: "1.28.1", pools: [P.Pool(version: "1.28.1"), P.Pool(name: "win", os: "windows", family: "windows-1", version: "1.28.1", image: "20348.1.240601")])
        let linuxCluster = P.Cluster(name: "linux", version: "1.28.1")
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [windowsCluster, linuxCluster]), policy: P.policy("target: latest\n"))
        let mixed = try #require(plan.steps(of: "mixed").first { $0.kind == .kubernetesUpgrade })
        let linux = try #require(plan.steps(of: "linux").first { $0.kind == .kubernetesUpgrade })
        #expect(mixed.to == "1.29.1" && mixed.knownIssues == ["slow-drain"])
        #expect(linux.to == "1.29.1" && linux.knownIssues.isEmpty)
    }
}
