import Testing
@testable import UpkeepKit

/// The feeds shipped in releases/ must load cleanly and agree with the real published files.
@Suite("Shipped feeds in releases/")
struct ShippedFeedTests {
    static func shipped() -> (InputSet, DiagnosticLog) {
        TestSupport.load(paths: [TestSupport.packageRoot.appendingPathComponent("releases").path], strict: true)
    }

    @Test func shippedFeedsLoadWithoutAnyDiagnostic() {
        let (inputs, log) = Self.shipped()
        #expect(log.diagnostics.isEmpty, "\(TestSupport.messages(log))")
        #expect(inputs.platformFeeds.map(\.platform).sorted() == ["aks-arc", "aks-hybrid"])
    }

    @Test func upstreamEndOfLifeDatesMatchTheKubernetesEolList() throws {
        let (shipped, _) = Self.shipped()
        let (real, _) = TestSupport.load(paths: [TestSupport.publishedData.appendingPathComponent("k8s-eol.yaml").path])
        let shippedMinors = try #require(shipped.kubernetesFeeds.first?.minors)
        let realMinors = try #require(real.kubernetesFeeds.first?.minors)
        var compared = 0
        for minor in shippedMinors {
            guard let published = realMinors.first(where: { $0.minor == minor.minor }) else { continue }
            #expect(minor.endOfLife == published.endOfLife, "\(minor.minor)")
            compared += 1
        }
        #expect(compared >= 8)
        #expect(shippedMinors.first { $0.minor.description == "1.28" }?.endOfLife == CalendarDate(parsing: "2024-10-22"))
    }

    @Test func arcReleasesOfferSixVersionsAndAnnounceTheirEnds() throws {
        let (inputs, _) = Self.shipped()
        let arc = try #require(inputs.platformFeeds.first { $0.platform == "aks-arc" })
        #expect(arc.releases.allSatisfy { $0.kubernetesVersions.count == 6 })
        #expect(!arc.rules.nodeImageOnlyUpdates)
        let ends = arc.releases.flatMap(\.endOfSupport).map { "\($0.minor) \($0.date)" }
        #expect(ends == ["1.28 2025-08-31", "1.29 2025-10-31"])
    }

    @Test func shippedAdvisoryAgreesWithTheOSVRecords() throws {
        let (shipped, _) = Self.shipped()
        let (real, _) = TestSupport.load(paths: [
            TestSupport.publishedData.appendingPathComponent("osv-GHSA-82m2-cv7p-4m75.json").path,
        ])
        let ours = try #require(shipped.advisories.first { $0.id == "CVE-2024-5321" })
        let published = try #require(real.advisories.first)
        #expect(ours.kubernetesRanges == published.kubernetesRanges)
        #expect(ours.published == published.published)
        #expect(ours.severity == published.severity)
    }
}
