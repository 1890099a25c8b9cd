import Testing
@testable import UpkeepKit

/// planning.md section 1: availability and offered versions.
@Suite("Availability (planning.md 1)")
struct AvailabilityRuleTests {
    typealias F = SupportFixtures

    @Test func platformReleaseIsAvailableFromItsReleasedDay() {
        let timeline = F.timeline()
        #expect(timeline.newestAvailable(on: F.date("2024-02-29"))?.version.description == "1.0.2.0")
        #expect(timeline.newestAvailable(on: F.date("2024-03-01"))?.version.description == "1.0.3.0")
        #expect(timeline.newestAvailable(on: F.date("2023-12-31")) == nil)
    }

    @Test func nodeImageIsAvailableFromItsReleasedDay() {
        #expect(!AvailabilityRule.isAvailable(released: F.date("2024-03-05"), on: F.date("2024-03-04")))
        #expect(AvailabilityRule.isAvailable(released: F.date("2024-03-05"), on: F.date("2024-03-05")))
        #expect(!AvailabilityRule.isAvailable(released: nil, on: F.date("2030-01-01")))
    }

    @Test func upstreamPatchIsOfferedFromItsTargetDateAndTheNextPatchIsNot() {
        let (inputs, _) = TestSupport.load(paths: [TestSupport.upstreamKubernetes.appendingPathComponent("k8s-schedule.yaml").path])
        let upstream = UpstreamKubernetes(inputs.kubernetesFeeds)
        let before = AvailabilityRule.offeredVersions(upstream: upstream, on: F.date("2024-09-10")).map(\.description)
        let after = AvailabilityRule.offeredVersions(upstream: upstream, on: F.date("2024-09-11")).map(\.description)
        #expect(!before.contains("1.31.1") && after.contains("1.31.1"))
        // 1.31.2 is schedule.yaml's `next` (a plan for 2024-10-15): never offered.
        #expect(!AvailabilityRule.offeredVersions(upstream: upstream, on: F.date("2024-12-01")).map(\.description).contains("1.31.2"))
    }

    @Test func standaloneClusterIsNotOfferedAMinorPastEndOfLife() {
        let (inputs, _) = TestSupport.load(paths: [TestSupport.upstreamKubernetes.appendingPathComponent("k8s-schedule.yaml").path,
                                                   TestSupport.upstreamKubernetes.appendingPathComponent("k8s-eol.yaml").path])
        let upstream = UpstreamKubernetes(inputs.kubernetesFeeds)
        // 1.28's end of life is 2024-10-22, the day of its final patch: still offered that day, not the next.
        #expect(AvailabilityRule.offeredVersions(upstream: upstream, on: F.date("2024-10-22")).contains(F.version("1.28.14")))
        #expect(!AvailabilityRule.offeredVersions(upstream: upstream, on: F.date("2024-10-23")).contains(F.version("1.28.14")))
    }

    @Test func workloadClusterIsOfferedWhatItsReleaseListsAndPreviewOnlyWhereAllowed() throws {
        let version = try #require(PlatformVersion(parsing: "1.0.3.0"))
        let release = try #require(F.timeline().release(version))
        let plain = AvailabilityRule.offeredVersions(release: release, allowPreview: false, operatingSystems: [.linux])
        let preview = AvailabilityRule.offeredVersions(release: release, allowPreview: true, operatingSystems: [.linux])
        #expect(plain.map(\.description) == ["1.28.2", "1.29.1", "1.30.1"])
        #expect(preview.map(\.description) == ["1.28.2", "1.29.1", "1.30.1", "1.31.0"])
    }

    @Test func knownIssueWithAvoidIsNeverATargetForTheAffectedOS() throws {
        let version = try #require(PlatformVersion(parsing: "1.0.4.0"))
        let release = try #require(F.timeline().release(version))
        let linuxOnly = AvailabilityRule.offeredVersions(release: release, allowPreview: false, operatingSystems: [.linux])
        let withWindows = AvailabilityRule.offeredVersions(release: release, allowPreview: false, operatingSystems: [.linux, .windows])
        #expect(linuxOnly.contains(F.version("1.30.2")))
        #expect(!withWindows.contains(F.version("1.30.2")))
    }
}
