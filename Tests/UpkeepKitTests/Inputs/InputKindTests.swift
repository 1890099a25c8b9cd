import Testing
@testable import UpkeepKit

@Suite("Every input kind")
struct InputKindTests {
    /// One invented sample of every kind, in Fixtures/kinds.
    static func examples() throws -> InputSet {
        let (inputs, log) = TestSupport.load(paths: [TestSupport.fixtures.appendingPathComponent("kinds").path])
        #expect(log.diagnostics.isEmpty, "\(TestSupport.messages(log))")
        return inputs
    }

    @Test func platformReleasesAreTyped() throws {
        let inputs = try Self.examples()
        let feed = try #require(inputs.platformFeeds.first)
        #expect(feed.platform == "aks-hybrid")
        #expect(feed.rules == PlatformRules())
        #expect(feed.releases.map(\.version.description) == ["1.0.22.10209", "1.0.23.10605"])
        let newest = try #require(feed.releases.last)
        #expect(newest.released.description == "2024-06-11")
        #expect(newest.kubernetesVersions.map(\.description) == ["1.26.10", "1.26.12", "1.27.7", "1.27.9", "1.28.3", "1.28.5"])
        #expect(newest.nodeImages.map(\.family) == ["azurelinux-2", "windows-2022"])
        #expect(newest.endOfSupport == [MinorEndOfSupport(minor: KubernetesMinor(major: 1, minor: 26), date: try #require(CalendarDate(parsing: "2024-08-31")))])
        let issue = try #require(newest.knownIssues.first)
        #expect(issue.avoid && issue.affectedOS == .windows && issue.affectedVersions.map(\.description) == ["1.27.7"])
    }

    @Test func platformRulesOverrideTheirDefaults() throws {
        let (inputs, log) = TestSupport.load(["p.yaml": """
            apiVersion: upkeep/v1
            kind: PlatformReleases
            platform: aks-arc
            rules: { updatesTo: next, maxBehind: 90d, nodeImageOnlyUpdates: false }
            releases: []
            """])
        #expect(log.diagnostics.isEmpty)
        let rules = try #require(inputs.platformFeeds.first?.rules)
        #expect(rules.updatesTo == .next && rules.maxBehind == .days(90) && !rules.nodeImageOnlyUpdates && rules.supportedMinors == 3)
    }

    @Test func kubernetesReleasesAreTyped() throws {
        let inputs = try Self.examples()
        let feed = try #require(inputs.kubernetesFeeds.first)
        #expect(feed.minors.map(\.minor.description) == ["1.30", "1.31"])
        #expect(feed.minors[1].endOfLife?.description == "2025-10-28")
        #expect(feed.minors[1].patches.map(\.version.description) == ["1.31.1", "1.31.2"])
    }

    @Test func nodeImageCatalogIsTyped() throws {
        let catalog = try #require(try Self.examples().nodeImageCatalogs.first)
        #expect(catalog.month.description == "2024-06")
        #expect(catalog.images.map(\.family) == ["azurelinux-2", "windows-2022"])
        #expect(catalog.images[0].components.map(\.name) == ["containerd", "kernel"])
        #expect(catalog.images[0].familyEndOfLife?.description == "2025-07-31")
        #expect(catalog.images[1].os == .windows)
    }

    @Test func securityAdvisoryIsTyped() throws {
        let advisory = try #require(try Self.examples().advisories.first)
        #expect(advisory.id == "CVE-2024-5321")
        #expect(advisory.severity == .medium && !advisory.severityIsAssumed)
        #expect(advisory.os == .windows)
        #expect(advisory.kubernetesRanges.count == 4)
        #expect(advisory.nodeImageFixes.first?.fixed.text == "20348.2582.240710")
    }

    @Test func advisoryWithOnlyACVSSVectorGetsItsSeverityFromTheScore() throws {
        let (inputs, log) = TestSupport.load(["a.yaml": """
            apiVersion: upkeep/v1
            kind: SecurityAdvisory
            id: CVE-2099-0001
            published: 2099-01-01
            cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
            affects: { kubernetes: [{ introduced: 1.30.0, lastAffected: 1.30.4 }] }
            """])
        #expect(log.diagnostics.isEmpty)
        let advisory = try #require(inputs.advisories.first)
        #expect(advisory.severity == .critical)
        #expect(advisory.kubernetesRanges.first?.end == .lastAffected(try #require(KubernetesVersion(parsing: "1.30.4"))))
    }

    @Test func fleetIsTyped() throws {
        let fleet = try #require(try Self.examples().fleets.first)
        #expect(fleet.managementClusters.first?.subscription == .active)
        #expect(fleet.managementClusters.first?.lastUpdated?.description == "2024-02-20")
        let payments = try #require(fleet.clusters.first { $0.name == "payments-prod" })
        #expect(payments.dependsOn.map(\.name) == ["platform-services-prod"])
        #expect(payments.nodePools.map(\.maxSurge) == [1, 2])
        #expect(payments.nodePools[1].nodeImage.text == "20348.2322.240220")
        let lab = try #require(fleet.clusters.first { $0.name == "edge-lab" })
        #expect(lab.managementCluster == nil)
        #expect(lab.state == .stopped(since: try #require(CalendarDate(parsing: "2024-05-01"))))
        #expect(lab.nodePools.first?.maxSurge == 1)
    }

    @Test func upgradePolicyFillsEveryDefault() throws {
        let (inputs, log) = TestSupport.load(["p.yaml": "apiVersion: upkeep/v1\nkind: UpgradePolicy\ntarget: latest\nrings: [{ name: canary }, { name: prod, soak: 3d }]\n"])
        #expect(log.diagnostics.isEmpty)
        let policy = inputs.policy
        #expect(policy.target == .latest)
        #expect(policy.horizon == .days(180) && policy.kubeletSkew == 2 && policy.workerUpgrades == .lockstep)
        #expect(policy.advisoryDeadline(for: .critical) == .days(7) && policy.advisoryDeadline(for: .low) == .days(180))
        #expect(policy.rings.map(\.name) == ["canary", "prod"] && policy.rings[1].soak == .days(3))
        #expect(policy.durations == DurationEstimates() && policy.stoppedClusters == StoppedClusterRules())
        #expect(TestSupport.load([:]).0.policy.rings.map(\.name) == ["dev", "staging", "prod"])
    }

    @Test func maintenanceScheduleIsTyped() throws {
        let schedule = try #require(try Self.examples().schedules.first)
        #expect(schedule.windows.map(\.name) == ["prod-saturday", "mgmt-sunday", "patch-tuesday-evening", "first-of-month"])
        #expect(schedule.windows[0].recurrence == .weekly(days: [.saturday], everyWeeks: 1))
        #expect(schedule.windows[0].startMinute == 60 && schedule.windows[0].duration == .hours(5) && schedule.windows[0].maxParallel == 3)
        #expect(schedule.windows[2].recurrence == .monthlyByWeekday(week: .second, day: .tuesday))
        #expect(schedule.windows[3].recurrence == .monthlyByDate(dayOfMonth: 1))
        let freeze = try #require(schedule.freezes.first)
        #expect(freeze.allow == .security && freeze.rings?.map(\.name) == ["prod"])
    }

    @Test func documentWithoutKindIsAnError() {
        let (_, log) = TestSupport.load(["x.yaml": "name: thing\n"])
        #expect(TestSupport.messages(log) == [
            "x.yaml:1:1: error: the document has no \"kind\" and is not a format Upkeep recognises; add apiVersion: upkeep/v1 and a kind (PlatformReleases, KubernetesReleases, NodeImageCatalog, SecurityAdvisory, Fleet, UpgradePolicy, MaintenanceSchedule).",
        ])
    }

    @Test func wrongApiVersionIsAnError() {
        let (_, log) = TestSupport.load(["x.yaml": "apiVersion: upkeep/v2\nkind: UpgradePolicy\n"])
        #expect(TestSupport.messages(log) == ["x.yaml:1:13: error: \"apiVersion\" is \"upkeep/v2\"; this version of Upkeep reads upkeep/v1."])
    }

    @Test func secondPolicyIsAnError() {
        let (_, log) = TestSupport.load(["x.yaml": "apiVersion: upkeep/v1\nkind: UpgradePolicy\n---\napiVersion: upkeep/v1\nkind: UpgradePolicy\n"])
        #expect(TestSupport.messages(log) == ["x.yaml:4:1: error: only one UpgradePolicy may be given; the first is at x.yaml:1:1."])
    }
}
