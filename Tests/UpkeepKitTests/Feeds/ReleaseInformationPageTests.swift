import Foundation
import Testing
@testable import UpkeepKit

/// Azure Local's release information page as it is published (examples/feeds-bundle holds an excerpt of its newest
/// version, ms.date 2026-02-17, in its real layout: tabs, cells with several builds and dates, an "Older versions"
/// table, and a typo that dates an 11.2510 build in January 2025).
@Suite("Reading Azure Local's release information page")
struct ReleaseInformationPageTests {
    static let bundle = TestSupport.packageRoot.appendingPathComponent("examples/feeds-bundle/aks-arc")
    static func page(_ name: String) throws -> String {
        try String(contentsOf: bundle.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func everyBuildIsPairedWithItsOwnDate() throws {
        let builds = ReleaseInformationPage.builds(try Self.page("release-information-23h2.md"))
        let dated = Dictionary(builds.map { ($0.version, $0.available.description) }, uniquingKeysWith: { first, _ in first })
        // A cell with a build, its date, and the builds it supersedes with theirs.
        #expect(dated["12.2510.1002.531"] == "2026-02-17" && dated["12.2510.1002.529"] == "2026-01-08" && dated["12.2510.1002.94"] == "2025-11-05")
        #expect(dated["12.2601.1002.503"] == "2026-02-02" && dated["12.2601.1002.38"] == "2026-01-22")
        #expect(dated["12.2511.1002.502"] == "2025-12-03" && dated["12.2511.1002.5"] == "2025-11-18")
        // Two builds before one date share it; the older-versions table is read too.
        #expect(dated["11.2507.1001.9"] == "2025-07-24" && dated["10.2507.0.6"] == "2025-07-24")
        #expect(dated["11.2504.1001.21"] == "2026-01-22" && dated["11.2504.1001.19"] == "2025-04-21" && dated["10.2405.2.7"] == "2024-07-16")
        // The typo is read as written; it is the check below that refuses it.
        #expect(dated["11.2510.1002.93"] == "2025-01-05" && dated["11.2510.1002.87"] == "2025-10-24")
        #expect(builds.count == 38 && builds.allSatisfy { $0.line > 0 }, "\(builds.count)")
        let trains = ReleaseInformationPage.trainDates(builds)
        #expect(trains[2510]?.description == "2025-01-05")  // what taking the earliest without the check would give
    }

    @Test func theBackwardsDateIsOneLineNamingThePageRowAndBothDates() throws {
        let builds = ReleaseInformationPage.builds(try Self.page("release-information-23h2.md"))
        let problems = ReleaseInformationPage.contradictions(builds)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("line 61, the row of 11.2510.1002.93: 11.2510.1002.93 is dated 2025-01-05, but release 2503, an earlier one, first came out on 2025-03-31 and its own release train 2510 began on 2025-10-01.") == true, "\(problems)")
        let pages = AKSArcFeedGenerator.Pages(supportedVersions: try Self.page("supported-kubernetes-versions.md"),
                                              releaseInformation: try Self.page("release-information-23h2.md"), whatsNew: try Self.page("aks-whats-new-local.md"))
        let result = AKSArcFeedGenerator.releases(pages, names: ("supported", "information", "whats-new"))
        #expect(result.releases.isEmpty && result.problems.count == 1 && result.problems[0].hasPrefix("information: line 61"))
    }

    /// With the typo corrected, the page gives every release train a date, and the trains no supported-versions
    /// row lists are written with unknown versions.
    @Test func theCorrectedPageDatesEveryReleaseAndMarksUnpublishedVersions() throws {
        let corrected = try Self.page("release-information-23h2.md").replacingOccurrences(of: "Availability date: 2025-01-05", with: "Availability date: 2026-01-05")
        let pages = AKSArcFeedGenerator.Pages(supportedVersions: try Self.page("supported-kubernetes-versions.md"),
                                              releaseInformation: corrected, whatsNew: try Self.page("aks-whats-new-local.md"))
        let result = AKSArcFeedGenerator.releases(pages, names: ("supported", "information", "whats-new"))
        #expect(result.problems.isEmpty, "\(result.problems)")
        let byVersion = Dictionary(uniqueKeysWithValues: result.releases.map { ($0.version, $0) })
        #expect(byVersion[2510]?.released.description == "2025-10-24" && byVersion[2510]?.kubernetesVersions?.count == 6)
        #expect(byVersion[2405]?.released.description == "2024-07-16")  // the newest page no longer lists 10.2405.0.24
        #expect([2504, 2505, 2506, 2511, 2512, 2601, 2602].allSatisfy { byVersion[$0] != nil && byVersion[$0]?.kubernetesVersions == nil })
        let text = AKSArcFeedGenerator.render(result.releases, rules: AKSArcFeedGenerator.defaultRules, sources: ["test"])
        let (inputs, log) = TestSupport.load(["platform-aks-arc.yaml": text])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        #expect(inputs.platformFeeds.first?.releases.filter { !$0.versionsPublished }.count == 7)
    }
}
