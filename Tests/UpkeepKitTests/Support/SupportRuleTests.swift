import Testing
@testable import UpkeepKit

/// planning.md section 2: one test per rule, each checked on the last supported day and on the first
/// unsupported day.
@Suite("Support rules (planning.md 2)")
struct SupportRuleTests {
    typealias F = SupportFixtures

    static func supported(_ verdict: SupportVerdict, lastDay: String, firstUnsupported: String) -> Bool {
        verdict.isSupported(on: F.date(lastDay)) && !verdict.isSupported(on: F.date(firstUnsupported))
            && verdict.endDate == F.date(firstUnsupported)
    }

    // MARK: Kubernetes minor, platform-managed

    @Test func kubernetesMinorPlatformManaged_droppedMinorKeepsTheGracePeriod() {
        let verdict = PlatformMinorSupportRule.evaluate(KubernetesMinor(major: 1, minor: 27), on: F.timeline())
        #expect(Self.supported(verdict, lastDay: "2024-03-30", firstUnsupported: "2024-03-31"))
        #expect(verdict.reason.contains("dropped by test-platform release 1.0.3.0"))
    }

    @Test func kubernetesMinorPlatformManaged_announcedEndWins() {
        let verdict = PlatformMinorSupportRule.evaluate(KubernetesMinor(major: 1, minor: 29), on: F.timeline())
        #expect(Self.supported(verdict, lastDay: "2024-09-29", firstUnsupported: "2024-09-30"))
        #expect(verdict.reason.contains("announced in release 1.0.4.0"))
    }

    @Test func kubernetesMinorPlatformManaged_listedByNewestReleaseHasNoKnownEnd() {
        let verdict = PlatformMinorSupportRule.evaluate(KubernetesMinor(major: 1, minor: 30), on: F.timeline())
        #expect(verdict.end == .noKnownEnd)
        #expect(verdict.isSupported(on: F.date("2030-01-01")))
    }

    @Test func kubernetesMinorPlatformManaged_minorNoReleaseSupportsIsUnsupported() {
        let verdict = PlatformMinorSupportRule.evaluate(KubernetesMinor(major: 1, minor: 26), on: F.timeline())
        #expect(verdict.end == .unsupported)
    }

    // MARK: Kubernetes patch, platform-managed

    @Test func kubernetesPatchPlatformManaged_droppedPatchKeepsTheGracePeriod() {
        let verdict = PlatformPatchSupportRule.evaluate(F.version("1.28.1"), on: F.timeline())
        #expect(Self.supported(verdict, lastDay: "2024-03-01", firstUnsupported: "2024-03-02"))
    }

    @Test func kubernetesPatchPlatformManaged_patchListedByNewestReleaseHasNoKnownEnd() {
        #expect(PlatformPatchSupportRule.evaluate(F.version("1.28.2"), on: F.timeline()).end == .noKnownEnd)
        #expect(PlatformPatchSupportRule.evaluate(F.version("1.28.9"), on: F.timeline()).end == .unsupported)
    }

    /// The planner asks only for the end; it must be the verdict's, on every branch.
    @Test func kubernetesPatchPlatformManaged_endAloneIsTheVerdictsEnd() {
        for version in ["1.28.1", "1.28.2", "1.28.9"] {
            #expect(PlatformPatchSupportRule.end(of: F.version(version), on: F.timeline())
                    == PlatformPatchSupportRule.evaluate(F.version(version), on: F.timeline()).end)
        }
    }

    // MARK: Kubernetes, standalone

    @Test func kubernetesStandalone_actualEndOfLifeWinsOverThePlannedOne() {
        let (inputs, _) = TestSupport.load(paths: [TestSupport.upstreamKubernetes.appendingPathComponent("k8s-schedule.yaml").path,
                                                   TestSupport.upstreamKubernetes.appendingPathComponent("k8s-eol.yaml").path])
        let upstream = UpstreamKubernetes(inputs.kubernetesFeeds)
        let verdict = StandaloneKubernetesSupportRule.evaluate(F.version("1.28.9"), upstream: upstream)
        // schedule.yaml planned 2024-10-28; eol.yaml says it actually ended on 2024-10-22, the day of 1.28.15,
        // its final patch: the last supported day.
        #expect(Self.supported(verdict, lastDay: "2024-10-22", firstUnsupported: "2024-10-23"))
        #expect(StandaloneKubernetesSupportRule.evaluate(F.version("1.40.0"), upstream: upstream).end == .unsupported)
    }

    @Test func kubernetesStandalone_plannedDateIsUsedWithoutAnActualOne() {
        let (inputs, _) = TestSupport.load(paths: [TestSupport.upstreamKubernetes.appendingPathComponent("k8s-schedule.yaml").path])
        let verdict = StandaloneKubernetesSupportRule.evaluate(F.version("1.28.9"), upstream: UpstreamKubernetes(inputs.kubernetesFeeds))
        #expect(Self.supported(verdict, lastDay: "2024-10-28", firstUnsupported: "2024-10-29"))
    }

    // MARK: Workload cluster

    @Test func workloadCluster_rowDescribesControlPlaneStateAndSubscriptionNotPools() {
        let inputs = F.inputs(clusters: F.cluster("alpha", version: "1.30.1", pools: [F.linuxPool("1.27.1")]))
        let engine = SupportEngine(inputs: inputs)
        let status = engine.status(on: F.date("2024-04-01"))
        let alpha = status.clusters[0]
        #expect(alpha.answer.state == .supported)
        #expect(alpha.support.verdicts.map(\.rule) == [.kubernetesMinor, .kubernetesPatch])
        #expect(alpha.nodePools[0].answer.isOutOfSupport)
    }

    // MARK: Platform release

    @Test func platformRelease_outOfSupportWhenTheThirdNewerReleaseComesOut() throws {
        let version = try #require(PlatformVersion(parsing: "1.0.1.0"))
        let verdict = PlatformReleaseSupportRule.evaluate(version, host: nil, on: F.timeline())
        #expect(Self.supported(verdict, lastDay: "2024-03-14", firstUnsupported: "2024-03-15"))
        #expect(verdict.reason.contains("3rd newer release"))
    }

    @Test func platformRelease_outOfSupportMaxBehindAfterTheFirstNewerRelease() throws {
        let version = try #require(PlatformVersion(parsing: "1.0.2.0"))
        let verdict = PlatformReleaseSupportRule.evaluate(version, host: nil, on: F.timeline())
        #expect(Self.supported(verdict, lastDay: "2024-04-29", firstUnsupported: "2024-04-30"))
    }

    @Test func platformRelease_newestReleaseHasNoKnownEnd() throws {
        let version = try #require(PlatformVersion(parsing: "1.0.4.0"))
        #expect(PlatformReleaseSupportRule.evaluate(version, host: nil, on: F.timeline()).end == .noKnownEnd)
    }

    /// The test platform with its rules replaced (Azure Local's: no release count, no days-behind limit,
    /// each release supported for six months).
    static func timeline(rules: String) -> PlatformTimeline {
        let feed = F.platformFeed.replacingOccurrences(of: "platform: test-platform\n", with: "platform: test-platform\nrules:\n" + rules)
        let (inputs, log) = TestSupport.load(["platform.yaml": feed])
        precondition(log.errorCount == 0, "\(TestSupport.messages(log))")
        return PlatformTimeline(inputs.platformFeeds[0])
    }

    @Test func platformRelease_supportedReleaseSupportMonthsAfterItsOwnRelease() throws {
        let arcLike = Self.timeline(rules: "  supportedReleases: none\n  maxBehind: none\n  releaseSupportMonths: 6\n")
        let first = try #require(PlatformVersion(parsing: "1.0.1.0")), newest = try #require(PlatformVersion(parsing: "1.0.4.0"))
        // Released 2024-01-01: supported through 2024-06-30, whatever came out since.
        let verdict = PlatformReleaseSupportRule.evaluate(first, host: nil, on: arcLike)
        #expect(Self.supported(verdict, lastDay: "2024-06-30", firstUnsupported: "2024-07-01"))
        #expect(verdict.reason.contains("supported for 6 months"))
        // The newest release has an end too: six months after 2024-03-15.
        #expect(Self.supported(PlatformReleaseSupportRule.evaluate(newest, host: nil, on: arcLike), lastDay: "2024-09-14", firstUnsupported: "2024-09-15"))
    }

    @Test func platformRelease_theEarliestOfTheLimitsSetWins() throws {
        // Three newer releases by 2024-03-15 end 1.0.1.0 before its six months do.
        let both = Self.timeline(rules: "  releaseSupportMonths: 6\n")
        let first = try #require(PlatformVersion(parsing: "1.0.1.0"))
        #expect(Self.supported(PlatformReleaseSupportRule.evaluate(first, host: nil, on: both), lastDay: "2024-03-14", firstUnsupported: "2024-03-15"))
        // With every limit off, no end is known.
        let none = Self.timeline(rules: "  supportedReleases: none\n  maxBehind: none\n")
        #expect(PlatformReleaseSupportRule.evaluate(first, host: nil, on: none).end == .noKnownEnd)
    }

    @Test func platformRelease_aRetiredPlatformSupportsNoReleaseFromItsEndOfSupport() throws {
        let retiring = Self.timeline(rules: "  endOfSupport: 2024-06-01\n")
        let newest = try #require(PlatformVersion(parsing: "1.0.4.0")), first = try #require(PlatformVersion(parsing: "1.0.1.0"))
        let verdict = PlatformReleaseSupportRule.evaluate(newest, host: nil, on: retiring)
        #expect(Self.supported(verdict, lastDay: "2024-05-31", firstUnsupported: "2024-06-01"))
        #expect(verdict.reason.contains("is retired"))
        // An earlier limit still wins.
        #expect(Self.supported(PlatformReleaseSupportRule.evaluate(first, host: nil, on: retiring), lastDay: "2024-03-14", firstUnsupported: "2024-03-15"))
    }

    @Test func calendarMonthsEndOnTheLastDayOfAShorterMonth() {
        #expect(F.date("2025-08-31").adding(months: 6) == F.date("2026-02-28"))
        #expect(F.date("2024-01-31").adding(months: 1) == F.date("2024-02-29"))
        #expect(F.date("2025-10-22").adding(months: 6) == F.date("2026-04-22"))
        #expect(F.date("2025-12-15").adding(months: 1) == F.date("2026-01-15"))
    }

    @Test func platformRelease_certificatesExpireAfterTheirValidity() throws {
        let verdict = try #require(CertificateExpiryRule.evaluate(lastUpdated: F.date("2024-02-10"), validity: .days(90)))
        #expect(Self.supported(verdict, lastDay: "2024-05-09", firstUnsupported: "2024-05-10"))
        let engine = SupportEngine(inputs: F.inputs(clusters: "  []"))
        let expired = { (day: String) in engine.status(on: F.date(day)).findings.filter { $0.code == "certificates-expired" } }
        #expect(expired("2024-05-09").isEmpty)
        #expect(expired("2024-05-10").map(\.subject) == ["management-cluster/mgmt"])
    }

    // MARK: Stopped cluster

    @Test func stoppedCluster_outOfSupportAfterThirtyDays() throws {
        let verdict = try #require(StoppedClusterRule.evaluate(.stopped(since: F.date("2024-04-01")), rules: StoppedClusterRules()))
        #expect(Self.supported(verdict, lastDay: "2024-04-30", firstUnsupported: "2024-05-01"))
        #expect(StoppedClusterRule.evaluate(.running, rules: StoppedClusterRules()) == nil)
    }

    @Test func stoppedCluster_cannotBeUpdatedAfterNinetyDays() {
        let inputs = F.inputs(clusters: F.cluster("alpha", state: "{ stoppedSince: 2024-04-01 }", pools: [F.linuxPool()]))
        let engine = SupportEngine(inputs: inputs)
        let before = engine.status(on: F.date("2024-06-29")).findings.filter { $0.subject == "cluster/alpha" }
        let after = engine.status(on: F.date("2024-06-30")).findings.filter { $0.subject == "cluster/alpha" }
        #expect(before.map(\.code) == ["cluster-stopped"])
        #expect(before.first?.message.contains("start and update it before 2024-06-30") == true)
        #expect(after.map(\.code) == ["stopped-too-long"])
        #expect(after.first?.severity == .error)
    }

    // MARK: Suspended subscription

    @Test func suspendedSubscription_clustersOutOfSupportAfterTheGracePeriod() throws {
        let verdict = try #require(SuspendedSubscriptionRule.evaluate(.suspended(since: F.date("2024-04-01")), managementCluster: "mgmt", gracePeriod: .days(60)))
        #expect(Self.supported(verdict, lastDay: "2024-05-30", firstUnsupported: "2024-05-31"))
    }

    @Test func suspendedSubscription_isAnErrorFindingWhateverTheDate() {
        let inputs = F.inputs(clusters: F.cluster("alpha", management: "suspended", pools: [F.linuxPool()]), management: "mgmt",
                              extraManagement: "  - { name: suspended, platform: test-platform, version: 1.0.4.0, subscription: { suspendedSince: 2024-04-01 } }")
        for day in ["2024-03-01", "2024-04-01", "2024-07-01"] {
            let findings = SupportEngine(inputs: inputs).status(on: F.date(day)).findings.filter { $0.code == "subscription-suspended" }
            #expect(findings.map(\.subject) == ["cluster/alpha"], "\(day)")
            #expect(findings.first?.severity == .error)
        }
    }

    // MARK: Node pool image

    @Test func nodePoolImage_dueAtItsMaximumAge() throws {
        let inputs = F.inputs(clusters: F.cluster("alpha", pools: [F.linuxPool()]))
        let pool = try #require(inputs.clusters.first?.nodePools.first)
        let verdict = NodeImageAgeRule.evaluate(pool, images: NodeImageIndex(inputs.nodeImageCatalogs), maximumAge: .days(60))
        #expect(Self.supported(verdict, lastDay: "2024-05-03", firstUnsupported: "2024-05-04"))
    }

    @Test func nodePoolImage_dateReadFromTheVersionWhenNoCatalogHasIt() throws {
        let inputs = F.inputs(clusters: F.cluster("alpha", pools: [F.linuxPool(image: "202402.10.0"), F.windowsPool(image: "20348.50.240120")]))
        let pools = try #require(inputs.clusters.first?.nodePools)
        let index = NodeImageIndex(inputs.nodeImageCatalogs)
        let linux = NodeImageAgeRule.evaluate(pools[0], images: index, maximumAge: .days(60))
        let windows = NodeImageAgeRule.evaluate(pools[1], images: index, maximumAge: .days(60))
        #expect(Self.supported(linux, lastDay: "2024-04-09", firstUnsupported: "2024-04-10"))
        #expect(Self.supported(windows, lastDay: "2024-03-19", firstUnsupported: "2024-03-20"))
        #expect(linux.reason.contains("dated 2024-02-10 by its version"))
    }

    @Test func nodePoolImage_familyEndOfLife() throws {
        let inputs = F.inputs(clusters: "  []")
        let verdict = try #require(ImageFamilyEndOfLifeRule.evaluate(family: "linux-1", images: NodeImageIndex(inputs.nodeImageCatalogs)))
        #expect(Self.supported(verdict, lastDay: "2024-12-30", firstUnsupported: "2024-12-31"))
        #expect(ImageFamilyEndOfLifeRule.evaluate(family: "windows-1", images: NodeImageIndex(inputs.nodeImageCatalogs)) == nil)
    }

    // MARK: Node pool skew

    @Test func nodePoolSkew_withinTheAllowedMinorsIsSupported() {
        #expect(KubeletSkewRule.evaluate(pool: F.version("1.27.1"), controlPlane: F.version("1.29.1"), allowedSkew: 2).end == .noKnownEnd)
    }

    @Test func nodePoolSkew_tooFarBehindIsOutOfSupportNow() {
        let verdict = KubeletSkewRule.evaluate(pool: F.version("1.27.1"), controlPlane: F.version("1.30.1"), allowedSkew: 2)
        #expect(verdict.end == .unsupported)
        #expect(verdict.reason == "the pool runs 1.27.1, 3 minors behind its control plane 1.30.1; at most 2 are allowed")
    }

    @Test func nodePoolSkew_newerThanTheControlPlaneIsOutOfSupportNow() {
        #expect(KubeletSkewRule.evaluate(pool: F.version("1.28.3"), controlPlane: F.version("1.28.2"), allowedSkew: 2).end == .unsupported)
        let inputs = F.inputs(clusters: F.cluster("alpha", version: "1.28.2", pools: [F.linuxPool("1.29.1")]))
        let findings = SupportEngine(inputs: inputs).status(on: F.date("2024-03-10")).findings
        #expect(findings.contains { $0.code == "kubelet-skew" && $0.subject == "cluster/alpha/pool/linux" && $0.severity == .error })
    }

    // MARK: Advisory exposure

    static let advisory = """
        apiVersion: upkeep/v1
        kind: SecurityAdvisory
        id: CVE-2099-0001
        published: 2024-03-01
        severity: high
        os: windows
        affects:
          kubernetes: [{ introduced: 1.28.0, fixed: 1.28.3 }]
          nodeImages: [{ family: windows-1, fixed: "20348.200.240405" }]
        """

    @Test func advisoryExposure_clusterInARangeWithAPoolOfTheOS() {
        let inputs = F.inputs(clusters: F.cluster("exposed", pools: [F.linuxPool(), F.windowsPool()])
                                + F.cluster("linux-only", pools: [F.linuxPool()])
                                + F.cluster("fixed", version: "1.29.1", pools: [F.windowsPool("1.29.1")]),
                              extra: ["advisory.yaml": Self.advisory])
        let status = SupportEngine(inputs: inputs).status(on: F.date("2024-03-10"))
        let exposed = status.clusters.filter { !$0.advisories.isEmpty }.map(\.name)
        #expect(exposed == ["exposed"])
        #expect(status.clusters.first { $0.name == "exposed" }?.advisories.first?.due == F.date("2024-03-31"))
    }

    @Test func advisoryExposure_poolImageOlderThanTheFix() {
        let inputs = F.inputs(clusters: F.cluster("alpha", version: "1.29.1", pools: [F.windowsPool("1.29.1"), F.windowsPool("1.29.1", image: "20348.200.240405")].enumerated().map { index, pool in
            (name: "win\(index)", os: pool.os, family: pool.family, version: pool.version, image: pool.image)
        }), extra: ["advisory.yaml": Self.advisory])
        let pools = SupportEngine(inputs: inputs).status(on: F.date("2024-03-10")).clusters[0].nodePools
        #expect(pools.map { $0.advisories.map(\.id) } == [["CVE-2099-0001"], []])
    }

    @Test func advisoryExposure_overdueFromItsDeadline() {
        let inputs = F.inputs(clusters: F.cluster("alpha", pools: [F.windowsPool()]), extra: ["advisory.yaml": Self.advisory])
        let engine = SupportEngine(inputs: inputs)
        let overdue = { (day: String) in engine.status(on: F.date(day)).findings.filter { $0.code == "advisory-overdue" && $0.subject == "cluster/alpha" } }
        #expect(overdue("2024-03-30").isEmpty)
        #expect(overdue("2024-03-31").count == 1)
    }

    @Test func advisoryExposure_unfixedAdvisoryIsAFinding() {
        let (inputs, _) = TestSupport.load(["fleet.yaml": """
            apiVersion: upkeep/v1
            kind: Fleet
            clusters:
            \(F.cluster("alpha", version: "1.31.0", management: nil, pools: [F.linuxPool("1.31.0")]))
            """], paths: [TestSupport.publishedData.appendingPathComponent("osv-GO-2025-3521.json").path])
        let status = SupportEngine(inputs: inputs).status(on: F.date("2025-04-01"))
        #expect(status.clusters[0].advisories.map(\.unfixed) == [true])
        let finding = status.findings.first { $0.code == "advisory-unfixed" }
        #expect(finding?.subject == "advisory/CVE-2025-1767")
        #expect(finding?.message.contains("no fixed version exists") == true)
    }

    @Test(arguments: ["osv-GHSA-82m2-cv7p-4m75.json", "osv-GO-2024-2994.json"])
    func advisoryExposure_realRecordsOfCVE20245321FlagOnly128Before12(_ record: String) {
        let fleet = """
            apiVersion: upkeep/v1
            kind: Fleet
            clusters:
            \(F.cluster("vulnerable", version: "1.28.9", management: nil, pools: [F.linuxPool("1.28.9"), F.windowsPool("1.28.9")]))
            \(F.cluster("patched", version: "1.28.12", management: nil, pools: [F.linuxPool("1.28.12"), F.windowsPool("1.28.12")]))
            """
        let (inputs, _) = TestSupport.load(["fleet.yaml": fleet], paths: [TestSupport.publishedData.appendingPathComponent(record).path])
        let status = SupportEngine(inputs: inputs).status(on: F.date("2024-08-01"))
        #expect(status.clusters.first { $0.name == "vulnerable" }?.advisories.map(\.id) == ["CVE-2024-5321"])
        #expect(status.clusters.first { $0.name == "patched" }?.advisories.isEmpty == true)
    }

    // MARK: Feed staleness

    @Test func feedStaleness_warnsWhenTheNewestReleaseIsOlderThanAllowed() {
        let timeline = F.timeline()
        #expect(FeedStalenessRule.staleness(of: timeline, on: F.date("2024-04-29"), staleAfter: .days(45)) == nil)
        #expect(FeedStalenessRule.staleness(of: timeline, on: F.date("2024-04-30"), staleAfter: .days(45))?.age == 46)
        let findings = SupportEngine(inputs: F.inputs(clusters: "  []")).status(on: F.date("2024-04-30")).findings
        #expect(findings.contains { $0.code == "feed-stale" && $0.subject == "platform/test-platform" && $0.severity == .warning })
    }
}
