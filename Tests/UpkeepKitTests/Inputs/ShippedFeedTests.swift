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
        let (real, _) = TestSupport.load(paths: [TestSupport.upstreamKubernetes.appendingPathComponent("k8s-eol.yaml").path])
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
        // Each release with published versions offers six; the others are marked unknown and offer none.
        #expect(arc.releases.allSatisfy { $0.versionsPublished ? $0.kubernetesVersions.count == 6 : $0.kubernetesVersions.isEmpty })
        #expect(arc.releases.filter { !$0.versionsPublished }.map(\.version.description) == ["2504", "2505", "2506", "2511", "2512", "2601", "2602"])
        #expect(!arc.rules.nodeImageOnlyUpdates)
        let ends = arc.releases.flatMap { release in release.endOfSupport.map { "\(release.version): \($0.minor) \($0.date)" } }
        // 1.28's end is announced in the 2507 notes, 1.29's in 2508's.
        #expect(ends == ["2507: 1.28 2025-08-31", "2508: 1.29 2025-10-31"])
    }

    /// Azure Local's release information page gives each release train's availability date.
    @Test func arcReleasesCarryTheirAvailabilityDates() throws {
        let (inputs, _) = Self.shipped()
        let arc = try #require(inputs.platformFeeds.first { $0.platform == "aks-arc" })
        let dates = Dictionary(uniqueKeysWithValues: arc.releases.map { ($0.version.description, $0.released.description) })
        #expect(dates["2405"] == "2024-05-30" && dates["2408"] == "2024-09-05" && dates["2411"] == "2024-11-14")
        #expect(dates["2503"] == "2025-03-31" && dates["2507"] == "2025-07-24" && dates["2508"] == "2025-08-29")
        // 2510: 11.2510.1002.87 on 2025-10-24, as the newest page (ms.date 2026-02-17) dates it.
        #expect(dates["2509"] == "2025-09-22" && dates["2510"] == "2025-10-24")
        #expect(dates["2511"] == "2025-11-18" && dates["2512"] == "2025-12-16" && dates["2601"] == "2026-01-22" && dates["2602"] == "2026-02-17")
    }

    /// AKS on Windows Server retires per host: Windows Server 2019 in March 2026, 2022 in March 2027 (the first day
    /// of the month is taken as the first day out of support).
    @Test func aksHybridCarriesItsRetirementPerHost() throws {
        let (inputs, _) = Self.shipped()
        let hybrid = try #require(inputs.platformFeeds.first { $0.platform == "aks-hybrid" })
        #expect(hybrid.rules.endOfSupport == nil)
        #expect(hybrid.rules.endOfSupportByHost.map { "\($0.host) \($0.date)" } == ["windows-server-2019 2026-03-01", "windows-server-2022 2027-03-01"])
    }

    /// Every id a `fixes` list names is an advisory of the shipped feeds.
    @Test func everyFixedAdvisoryResolves() throws {
        let (inputs, _) = Self.shipped()
        let known = Set(inputs.advisories.flatMap { [$0.id] + $0.aliases })
        let named = inputs.platformFeeds.flatMap { $0.releases.flatMap(\.fixes) }
        #expect(!named.isEmpty && named.allSatisfy { known.contains($0) }, "\(named.filter { !known.contains($0) })")
    }

    /// The supported-versions table lists "2509" twice: the second row is 2509's (as 2508), the first 2510's.
    @Test func arc2509OffersWhat2508Offers() throws {
        let (inputs, _) = Self.shipped()
        let arc = try #require(inputs.platformFeeds.first { $0.platform == "aks-arc" })
        let sets = Dictionary(uniqueKeysWithValues: arc.releases.map { ($0.version.description, $0.kubernetesVersions.map(\.description)) })
        #expect(sets["2509"] == ["1.29.12", "1.29.13", "1.30.8", "1.30.9", "1.31.4", "1.31.5"])
        #expect(sets["2509"] == sets["2508"])
        #expect(sets["2510"]?.contains("1.32.6") == true && sets["2509"]?.contains { $0.hasPrefix("1.32.") } == false)
    }

    /// Azure Local: each release is supported for six months; the resource bridge needs an update within a year.
    @Test func arcRulesAreAzureLocals() throws {
        let (inputs, _) = Self.shipped()
        let arc = try #require(inputs.platformFeeds.first { $0.platform == "aks-arc" })
        #expect(arc.rules.releaseSupportMonths == 6 && arc.rules.supportedReleases == nil && arc.rules.maxBehind == nil)
        #expect(arc.rules.certificateValidity == .days(365))
        // 2510, the last 23H2 release, is supported until April 2026 (six months after 2025-10-24).
        let verdict = PlatformReleaseSupportRule.evaluate(try #require(PlatformVersion(parsing: "2510")), host: nil, on: PlatformTimeline(arc))
        #expect(verdict.end == .on(CalendarDate(year: 2026, month: 4, day: 24)!))
    }

    /// A new user's fleet: AKS Arc 2510 with an Azure Linux 3 pool validates against the shipped feeds.
    @Test func anArc2510FleetOnAzureLinux3Validates() throws {
        let fleet = """
            apiVersion: upkeep/v1
            kind: Fleet
            name: new-user
            managementClusters:
              - { name: local-1, platform: aks-arc, version: 2510, lastUpdated: 2025-10-30, window: mgmt-sunday }
            clusters:
              - name: shop
                managementCluster: local-1
                kubernetesVersion: 1.31.9
                window: prod-saturday
                nodePools:
                  - { name: system, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.31.9, nodeImage: "202510.22.0", nodes: 3 }
            """
        let (inputs, log) = TestSupport.load(["fleet.yaml": fleet], paths: ["releases", "schedules"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let status = SupportEngine(inputs: inputs).status(on: try #require(CalendarDate(parsing: "2025-11-15")))
        #expect(status.findings.allSatisfy { $0.severity != .error }, "\(status.findings.map(\.message))")
    }

    /// The two advisory corrections: CVE-2023-5528's current vector (PR:L, 8.8) and CVE-2025-1767's GitHub alias.
    @Test func advisoriesCarryTheirCurrentRecords() throws {
        let (inputs, _) = Self.shipped()
        let windowsStorage = try #require(inputs.advisories.first { $0.id == "CVE-2023-5528" })
        #expect(windowsStorage.cvss?.contains("/PR:L/") == true && windowsStorage.severity == .high)
        let gitRepo = try #require(inputs.advisories.first { $0.id == "CVE-2025-1767" })
        #expect(gitRepo.aliases.contains("GHSA-3wgm-2gw2-vh5m"))
        // Advisories of 2025 are shipped, each with its GitHub advisory as an alias.
        let recent = inputs.advisories.filter { $0.published.map { $0 >= CalendarDate(year: 2025, month: 1, day: 1)! } ?? false }
        #expect(recent.count >= 4 && recent.allSatisfy { $0.aliases.contains { $0.hasPrefix("GHSA-") } })
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
