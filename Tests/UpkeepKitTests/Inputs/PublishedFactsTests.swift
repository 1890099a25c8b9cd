import Testing
@testable import UpkeepKit

/// planning.md 2, "Facts as of the day": what exists on a replayed day, and what a fleet written later says.
@Suite("Facts as of the day (planning.md 2)")
struct PublishedFactsTests {
    static let files = [
        "platform.yaml": """
            apiVersion: upkeep/v1
            kind: PlatformReleases
            platform: p
            releases:
              - { version: 1.0.1.0, released: 2024-01-10, kubernetesVersions: [1.28.3] }
              - { version: 1.0.2.0, released: 2024-04-10, kubernetesVersions: [1.28.5, 1.29.2] }
              - { version: 1.0.3.0, released: 2024-08-20, announced: 2024-03-01, kubernetesVersions: [1.29.4, 1.30.1] }
            """,
        "images.yaml": """
            apiVersion: upkeep/v1
            kind: NodeImageCatalog
            month: 2024-06
            images:
              - { family: l, os: linux, version: "202401.01.0", released: 2024-01-01 }
              - { family: l, os: linux, version: "202406.01.0", released: 2024-06-01 }
            """,
        "fleet.yaml": """
            apiVersion: upkeep/v1
            kind: Fleet
            name: t
            managementClusters: [{ name: m, platform: p, version: 1.0.2.0, lastUpdated: 2024-04-20 }]
            clusters:
              - { name: c, managementCluster: m, kubernetesVersion: 1.29.2, nodePools: [{ name: a, os: linux, imageFamily: l, kubernetesVersion: 1.29.2, nodeImage: "202406.01.0", nodes: 1 }] }
            """,
    ]

    @Test func aFeedEntryExistsFromItsPublicationDay() {
        let (inputs, log) = TestSupport.load(Self.files)
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let march = inputs.published(by: SupportFixtures.date("2024-03-15"))
        // 1.0.2.0 (April) is not out; 1.0.3.0 was announced on 2024-03-01 and exists ahead of its release.
        #expect(march.platformFeeds[0].releases.map(\.version.description) == ["1.0.1.0", "1.0.3.0"])
        #expect(march.nodeImageCatalogs[0].images.map(\.version.text) == ["202401.01.0"])
        // Nothing newer than the day: the inputs as given.
        #expect(inputs.published(by: SupportFixtures.date("2024-12-01")).platformFeeds[0].releases.count == 3)
    }

    /// A fleet written after the day replayed: each newer fact is a warning, and what fails only on it is unknown.
    @Test func fleetFactsNewerThanTheDayAreWarnedAndUnknown() throws {
        let (inputs, _) = TestSupport.load(Self.files)
        let day = SupportFixtures.date("2024-03-15")
        let status = SupportEngine(inputs: inputs, publishedBy: day).status(on: day)
        let newer = status.findings.filter { $0.code == "fact-newer-than-as-of" }.map(\.subject)
        // m: its release (1.0.2.0, April) and its lastUpdated (2024-04-20); c and its pool: 1.29.2 came with 1.0.2.0; the image in June.
        #expect(newer == ["cluster/c", "cluster/c/pool/a", "management-cluster/m", "management-cluster/m"], "\(newer)")
        #expect(status.managementClusters[0].answer.state == .unknown)
        #expect(status.clusters[0].answer.state == .unknown && status.clusters[0].nodePools[0].answer.state == .unknown)
        #expect(!status.findings.contains { $0.severity == .error && $0.subject == "management-cluster/m" })
    }
}
