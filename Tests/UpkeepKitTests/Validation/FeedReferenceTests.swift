import Testing
@testable import UpkeepKit

/// What validation says about a fleet against feeds that know less than it needs: advisory ids a release names
/// but no advisory describes, a management cluster on a release whose versions are not published.
@Suite("Validation of what the feeds name")
struct FeedReferenceTests {
    static let feed = """
        apiVersion: upkeep/v1
        kind: PlatformReleases
        platform: arc-like
        rules: { releaseSupportMonths: 6, supportedReleases: none, maxBehind: none }
        releases:
          - { version: 2510, released: 2025-10-24, kubernetesVersions: [1.31.9, 1.32.5], fixes: [CVE-2099-0001, GHSA-aaaa-bbbb-cccc] }
          - { version: 2511, released: 2025-11-18, kubernetesVersions: unknown }
        """
    static let advisory = """
        apiVersion: upkeep/v1
        kind: SecurityAdvisory
        id: CVE-2099-0002
        aliases: [GHSA-aaaa-bbbb-cccc]
        published: 2025-01-01
        severity: low
        affects: { kubernetes: [{ introduced: "0", fixed: 1.31.9 }] }
        """
    static let fleet = """
        apiVersion: upkeep/v1
        kind: Fleet
        name: f
        managementClusters:
          - { name: m, platform: arc-like, version: 2511, window: w }
        """

    @Test func aFixesIdNoAdvisoryDescribesIsAWarningAtItsRelease() {
        let (_, log) = TestSupport.load(["feed.yaml": Self.feed, "advisory.yaml": Self.advisory])
        let warnings = TestSupport.messages(log).filter { $0.contains("in fixes") }
        // The alias resolves; the unknown id does not.
        #expect(warnings.count == 1 && warnings[0].contains("feed.yaml:6:5") && warnings[0].contains("arc-like release 2510 lists CVE-2099-0001 in fixes"), "\(warnings)")
    }

    @Test func aManagementClusterOnAReleaseWithUnknownVersionsIsWarned() {
        let (inputs, log) = TestSupport.load(["feed.yaml": Self.feed, "advisory.yaml": Self.advisory, "fleet.yaml": Self.fleet])
        let warning = TestSupport.messages(log).first { $0.contains("runs 2511") }
        #expect(warning?.contains("fleet.yaml:5:45") == true && warning?.contains("kubernetesVersions: unknown") == true, "\(TestSupport.messages(log))")
        // The release exists: its own support is known (six months from 2025-11-18).
        let status = SupportEngine(inputs: inputs).status(on: SupportFixtures.date("2026-01-10"))
        #expect(status.managementClusters.first?.support.supportedUntil == SupportFixtures.date("2026-05-18"))
    }
}
