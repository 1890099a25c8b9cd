import Testing
@testable import UpkeepKit

/// planning.md section 3, "Node images": the node image round after the Kubernetes steps are placed.
@Suite("Node image round (planning.md 3)")
struct NodeImageRoundTests {
    typealias P = PlanFixtures
    static let wide = TargetsAndPathsTests.wide

    @Test func nodeImages_anUpgradeBringsTheNewestCompatibleImage() throws {
        let cluster = P.Cluster(name: "alpha", version: "1.28.5", pools: [P.Pool(version: "1.28.5", image: "202405.01.0")])
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [cluster]), policy: P.policy("target: latest\n"))
        let hop = try #require(plan.steps(of: "alpha").first { $0.kind == .kubernetesUpgrade })
        #expect(hop.nodeImages == [PlanStep.ImageChange(nodePool: "linux", from: "202405.01.0", to: "202406.01.0")])
        #expect(!plan.steps(of: "alpha").contains { $0.kind == .nodeImageUpdate })
    }

    @Test func nodeImages_aDueImageWithoutAnUpgradeGetsItsOwnStep() throws {
        let cluster = P.Cluster(name: "alpha", version: "1.29.5", pools: [P.Pool(version: "1.29.5", image: "202404.01.0")])
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [cluster]))
        let step = try #require(plan.steps(of: "alpha").first)
        #expect(step.kind == .nodeImageUpdate && step.from == "202404.01.0" && step.to == "202406.01.0")
        #expect(step.id == "alpha/pool/linux/image/202406.01.0")
        #expect(step.due == SupportFixtures.date("2024-05-31"))
        let (imageOnlyRefused, _) = P.plan(platform: P.platform([P.Release(version: "1.0.1.0", released: "2024-06-01", versions: ["1.29.5"])],
                                                                rules: "nodeImageOnlyUpdates: false"),
                                           fleet: P.fleet(clusters: [cluster]))
        #expect(!imageOnlyRefused.steps.contains { $0.kind == .nodeImageUpdate })
        #expect(imageOnlyRefused.findings.contains { $0.code == "image-needs-kubernetes-upgrade" })
    }

    @Test func nodeImages_noNewerImageIsAWarningNotAStep() {
        let cluster = P.Cluster(name: "alpha", version: "1.29.5", pools: [P.Pool(version: "1.29.5", image: "202406.01.0")])
        let (plan, _) = P.plan(platform: Self.wide, fleet: P.fleet(clusters: [cluster]), asOf: "2024-09-01")
        #expect(plan.steps(of: "alpha").isEmpty)
        #expect(plan.findings.contains { $0.code == "nothing-to-fix-with" && $0.message.contains("needs a newer linux-1 image by 2024-07-31") })
    }
}

@Suite("Node images where the platform allows no image-only update")
struct PatchUpgradeForImagesTests {
    typealias P = PlanFixtures

    @Test func nodeImages_aPatchUpgradeBringsTheImageWhenImageOnlyUpdatesAreNotAllowed() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-06-01", versions: ["1.29.5", "1.29.6"])], rules: "nodeImageOnlyUpdates: false")
        let cluster = P.Cluster(name: "alpha", version: "1.29.5", pools: [P.Pool(version: "1.29.5", image: "202404.01.0")])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [cluster]))
        let step = try #require(plan.steps(of: "alpha").first)
        #expect(step.kind == .kubernetesUpgrade && step.from == "1.29.5" && step.to == "1.29.6")
        #expect(step.nodeImages == [PlanStep.ImageChange(nodePool: "linux", from: "202404.01.0", to: "202406.01.0")])
        #expect(step.reasons.first?.contains("a patch upgrade brings them") == true)
        #expect(!plan.steps.contains { $0.kind == .nodeImageUpdate })
    }
}
