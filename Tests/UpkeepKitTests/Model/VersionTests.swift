import Testing
@testable import UpkeepKit

@Suite("Versions, dates and durations")
struct VersionTests {
    @Test func kubernetesVersionDropsTheVPrefix() throws {
        let version = try #require(KubernetesVersion(parsing: "v1.28.9"))
        #expect(version.description == "1.28.9")
        #expect(version.minorVersion == KubernetesMinor(major: 1, minor: 28))
    }

    /// Plain versions take a shorter path than pre-releases and distributions; every shape reads back as written.
    @Test(arguments: ["0.0.0", "1.28.9", "1.100.0", "12.345.67890", "123456789.123456789.123456789", "1.28.0-rc.1", "1.27.4-gke.1043002", "1.29.3+k3s1"])
    func kubernetesVersionWritesWhatItParsed(_ text: String) throws {
        #expect(try #require(KubernetesVersion(parsing: text)).description == text)
    }

    @Test(arguments: ["1.30", "1.30.x", "1..2", "v", "", "1.30.2-", "1.30.2 ", "01.2.3.4", "1.28.999999999999999999990"])
    func malformedKubernetesVersionsAreRefused(_ text: String) {
        #expect(KubernetesVersion(parsing: text) == nil)
    }

    @Test func preReleasesSortBeforeTheRelease() throws {
        let ordered = ["1.28.0-alpha.1", "1.28.0-beta.0", "1.28.0-rc.1", "1.28.0-rc.2", "1.28.0", "1.28.1", "1.29.0"]
        let versions = try ordered.map { try #require(KubernetesVersion(parsing: $0)) }
        #expect(versions.shuffled().sorted().map(\.description) == ordered)
    }

    @Test func distributionSuffixesAreNotPreReleases() throws {
        let plain = try #require(KubernetesVersion(parsing: "1.27.4"))
        let gke = try #require(KubernetesVersion(parsing: "v1.27.4-gke.100"))
        let gkeLater = try #require(KubernetesVersion(parsing: "1.27.4-gke.1043002"))
        let k3s = try #require(KubernetesVersion(parsing: "v1.27.3+k3s1"))
        #expect(plain < gke)
        #expect(gke < gkeLater)
        #expect(k3s < plain)
        #expect(k3s.description == "1.27.3+k3s1")
        #expect(gke.preRelease == nil)
    }

    @Test func platformVersionsCompareAsIntegers() throws {
        let older = try #require(PlatformVersion(parsing: "1.0.9.10000"))
        let newer = try #require(PlatformVersion(parsing: "1.0.24.10106"))
        #expect(older < newer)
        #expect(PlatformVersion(parsing: "1.0") == PlatformVersion(parsing: "1.0.0.0"))
        #expect(PlatformVersion(parsing: "1.0.x") == nil)
    }

    @Test func nodeImageVersionsCompareAsIntegerTuples() throws {
        let may = try #require(NodeImageVersion(parsing: "202405.27.0"))
        let june = try #require(NodeImageVersion(parsing: "202406.3.0"))
        #expect(may < june)
        let windows = try #require(NodeImageVersion(parsing: "20348.2527.240611"))
        let windowsLater = try #require(NodeImageVersion(parsing: "20348.2582.240710"))
        #expect(windows < windowsLater)
        #expect(NodeImageVersion(parsing: "2024-06") == nil)
    }

    @Test func calendarDatesAreRealDays() throws {
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        #expect(CalendarDate(parsing: "2024-13-01") == nil)
        #expect(CalendarDate(parsing: "2024-6-1") == nil)
        let date = try #require(CalendarDate(parsing: "2024-07-01"))
        #expect(date.adding(days: 30).description == "2024-07-31")
        #expect(date.adding(days: -366).description == "2023-07-01")
        #expect(date.isoWeekday == 1)
        #expect(CalendarDate(parsing: "1970-01-01")?.daysSinceEpoch == 0)
    }

    @Test func timeSpansReadNumberAndUnit() {
        #expect(TimeSpan(parsing: "45m")?.minutes == 45)
        #expect(TimeSpan(parsing: "2h")?.minutes == 120)
        #expect(TimeSpan(parsing: "14d")?.minutes == 14 * 1440)
        #expect(TimeSpan(parsing: "0d")?.minutes == 0)
        #expect(TimeSpan(parsing: "2 h") == nil)
        #expect(TimeSpan(parsing: "h") == nil)
        #expect(TimeSpan(parsing: "-1d") == nil)
        #expect(TimeSpan(minutes: 750).humanDescription == "12h 30m")
    }

    @Test func affectedRangesFollowOSVSemantics() throws {
        func version(_ text: String) throws -> KubernetesVersion { try #require(KubernetesVersion(parsing: text)) }
        let fixed = AffectedRange(introduced: try version("1.28.0"), end: .fixed(try version("1.28.12")))
        #expect(fixed.contains(try version("1.28.9")))
        #expect(!fixed.contains(try version("1.28.12")))
        #expect(!fixed.contains(try version("1.27.9")))
        let last = AffectedRange(introduced: nil, end: .lastAffected(try version("1.29.3")))
        #expect(last.contains(try version("1.29.3")))
        #expect(!last.contains(try version("1.29.4")))
        let unfixed = AffectedRange(introduced: nil, end: .unfixed)
        #expect(unfixed.contains(try version("1.31.0")))
    }

    @Test func cvssVectorsGiveTheirBaseScore() {
        #expect(CVSSScore.baseScore(vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N") == 6.1)
        #expect(CVSSScore.baseScore(vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == 9.8)
        #expect(CVSSScore.baseScore(vector: "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H") == 9.9)
        #expect(CVSSScore.baseScore(vector: "CVSS:2.0/AV:N") == nil)
        #expect(CVSSScore.severity(score: 6.1) == .medium)
        #expect(CVSSScore.severity(score: 9.8) == .critical)
    }
}
