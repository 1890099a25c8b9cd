import Foundation
import Testing
@testable import UpkeepKit

/// The real published files in Fixtures/published, read as they are.
@Suite("Published formats: Kubernetes schedule and eol lists, endoflife.date, OSV")
struct ForeignFormatTests {
    static func real(_ name: String) -> (InputSet, DiagnosticLog) {
        let upstream = TestSupport.upstreamKubernetes.appendingPathComponent(name)
        let folder = FileManager.default.fileExists(atPath: upstream.path) ? TestSupport.upstreamKubernetes : TestSupport.publishedData
        return TestSupport.load(paths: [folder.appendingPathComponent(name).path])
    }

    static func date(_ text: String) -> CalendarDate? { CalendarDate(parsing: text) }

    @Test func everyRealFileLoadsWithoutErrors() {
        let (inputs, log) = TestSupport.load(paths: [TestSupport.publishedData.path, TestSupport.upstreamKubernetes.path])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        #expect(inputs.files.count == 9)
        #expect(inputs.kubernetesFeeds.count == 4)  // schedule, end-of-life list, endoflife.date, release-data
        #expect(inputs.advisories.map(\.id) == ["CVE-2023-3955", "CVE-2024-5321", "CVE-2025-1767"])
    }

    @Test func scheduleGivesReleasedPatchesButNotTheNextPlan() throws {
        let (inputs, log) = Self.real("k8s-schedule.yaml")
        #expect(log.diagnostics.isEmpty)
        let feed = try #require(inputs.kubernetesFeeds.first)
        #expect(feed.source == .kubernetesSchedule)
        let minor31 = try #require(feed.minors.first { $0.minor.description == "1.31" })
        #expect(minor31.released == Self.date("2024-08-13"))
        #expect(minor31.endOfLife == Self.date("2025-10-28") && !minor31.endOfLifeIsActual)
        #expect(minor31.maintenanceModeFrom == Self.date("2025-08-28"))
        #expect(minor31.patches.map(\.version.description) == ["1.31.0", "1.31.1"])
        #expect(minor31.patches.map { $0.released?.description } == ["2024-08-13", "2024-09-11"])
        let minor30 = try #require(feed.minors.first { $0.minor.description == "1.30" })
        #expect(minor30.patches.last?.version.description == "1.30.5")
    }

    @Test func eolListGivesTheActualEndOfLife() throws {
        let (inputs, log) = Self.real("k8s-eol.yaml")
        #expect(log.diagnostics.isEmpty)
        let minor28 = try #require(inputs.kubernetesFeeds.first?.minors.first { $0.minor.description == "1.28" })
        #expect(minor28.endOfLife == Self.date("2024-10-22"))
        #expect(minor28.endOfLifeIsActual)
        #expect(minor28.patches.isEmpty)
    }

    @Test func endOfLifeDateKubernetesIsReadAsPlannedDates() throws {
        let (inputs, log) = Self.real("eol-date-kubernetes.yaml")
        #expect(log.diagnostics.isEmpty)
        let minor36 = try #require(inputs.kubernetesFeeds.first?.minors.first { $0.minor.description == "1.36" })
        #expect(minor36.released == Self.date("2026-04-22") && minor36.endOfLife == Self.date("2027-06-28"))
        #expect(minor36.maintenanceModeFrom == Self.date("2027-04-28"))
        #expect(minor36.patches.map(\.version.description) == ["1.36.0", "1.36.4"])
    }

    @Test func endOfLifeDateOfTheCloudServiceIsRecognisedButNotUsed() {
        let (inputs, log) = Self.real("eol-date-azure-kubernetes-service.yaml")
        #expect(inputs.kubernetesFeeds.isEmpty)
        #expect(log.errorCount == 0 && log.warningCount == 1)
    }

    @Test func githubAndGoRecordsOfOneCVEAreOneAdvisory() throws {
        let (inputs, log) = TestSupport.load(paths: [
            TestSupport.publishedData.appendingPathComponent("osv-GHSA-82m2-cv7p-4m75.json").path,
            TestSupport.publishedData.appendingPathComponent("osv-GO-2024-2994.json").path,
        ])
        #expect(log.diagnostics.isEmpty, "\(TestSupport.messages(log))")
        #expect(inputs.advisories.count == 1)
        let advisory = try #require(inputs.advisories.first)
        #expect(advisory.id == "CVE-2024-5321")
        #expect(advisory.aliases == ["GHSA-82m2-cv7p-4m75", "GO-2024-2994"])
        #expect(advisory.severity == .medium && !advisory.severityIsAssumed)
        #expect(advisory.published != nil)
        #expect(advisory.kubernetesRanges.count == 4)
        let exposed = try #require(KubernetesVersion(parsing: "1.28.9"))
        let fixed = try #require(KubernetesVersion(parsing: "1.28.12"))
        #expect(advisory.kubernetesRanges.contains { $0.contains(exposed) })
        #expect(!advisory.kubernetesRanges.contains { $0.contains(fixed) })
    }

    @Test func goRecordAloneGivesTheSameRangesWithoutADate() throws {
        let (inputs, log) = Self.real("osv-GO-2024-2994.json")
        let advisory = try #require(inputs.advisories.first)
        #expect(advisory.published == nil && advisory.severityIsAssumed && advisory.severity == .medium)
        #expect(advisory.kubernetesRanges.count == 4)
        #expect(TestSupport.messages(log).count == 1)
        #expect(TestSupport.messages(log).first?.contains("has no real publication date") == true)
    }

    @Test func windowsOnlyImportsMeanAWindowsAdvisory() throws {
        let (inputs, _) = Self.real("osv-GO-2023-2170.json")
        let advisory = try #require(inputs.advisories.first)
        #expect(advisory.id == "CVE-2023-3955")
        #expect(advisory.os == .windows)
        #expect(advisory.kubernetesRanges.count == 5)
        #expect(advisory.kubernetesRanges.contains { $0.contains(KubernetesVersion(major: 1, minor: 27, patch: 4)) })
        #expect(!advisory.kubernetesRanges.contains { $0.contains(KubernetesVersion(major: 1, minor: 27, patch: 5)) })
    }

    @Test func recordWithOnlyIntroducedIsUnfixed() throws {
        let (inputs, _) = Self.real("osv-GO-2025-3521.json")
        let advisory = try #require(inputs.advisories.first)
        #expect(advisory.id == "CVE-2025-1767")
        #expect(advisory.kubernetesRanges == [AffectedRange(introduced: nil, end: .unfixed)])
    }

    @Test func osvRecordForAnotherPackageIsNotUsed() {
        let (inputs, log) = TestSupport.load(["o.json": """
            {"id": "GO-1", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"name": "k8s.io/apiserver", "ecosystem": "Go"}}]}
            """])
        #expect(inputs.advisories.isEmpty)
        #expect(TestSupport.messages(log) == ["o.json:1:1: warning: OSV record GO-1 does not name the package k8s.io/kubernetes (ecosystem Go or Kubernetes), so it is not used."])
    }
}
