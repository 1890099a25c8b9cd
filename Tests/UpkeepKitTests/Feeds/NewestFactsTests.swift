import Foundation
import Testing
@testable import UpkeepKit

/// The shipped feeds as of their newest sources (issue: feeds as of the newest published facts): every upstream
/// patch on its real release day, AKS hybrid's retirement per host, Azure Local releases whose Kubernetes versions
/// are not published, and what status says on a day the feeds no longer describe.
@Suite("Feeds as of the newest published facts")
struct NewestFactsTests {
    static let root = TestSupport.packageRoot
    static func shipped(_ files: [String: String], paths: [String] = ["releases", "schedules"]) -> (InputSet, DiagnosticLog) {
        TestSupport.load(files, paths: paths.map { root.appendingPathComponent($0).path })
    }

    static let standaloneFleet = """
        apiVersion: upkeep/v1
        kind: Fleet
        name: standalone
        clusters:
          - name: edge
            kubernetesVersion: 1.31.5
            window: first-of-month
            nodePools:
              - { name: default, os: linux, imageFamily: edge-linux, kubernetesVersion: 1.31.5, nodeImage: "202501.15.0", nodes: 2 }
        ---
        apiVersion: upkeep/v1
        kind: NodeImageCatalog
        month: 2025-01
        images:
          - { family: edge-linux, os: linux, version: "202501.15.0", released: 2025-01-15, kubernetesVersions: [] }
        """

    /// 1.31.6, the first patch fixing CVE-2025-0426, came out on 2025-02-12 (its tag); the schedule's target dates
    /// and the old feed's x.0/x.1/newest patches never offered it. Planned on 2025-02-13, the day the advisory is
    /// published (planning.md 2, "Facts as of the day": it does not exist before).
    @Test func aStandaloneClusterExposedToCVE20250426GetsTheFirstFixingPatchOnOrAfterItsRelease() throws {
        let fleet = Self.standaloneFleet
        let (inputs, log) = Self.shipped(["fleet.yaml": fleet])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let patch = try #require(inputs.kubernetesFeeds.flatMap(\.minors).first { $0.minor.description == "1.31" }?.patches.first { $0.version.description == "1.31.6" })
        #expect(patch.released == CalendarDate(year: 2025, month: 2, day: 12))
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-02-13"))
        let steps = plan.steps.filter { $0.cluster == "edge" && $0.kind == .kubernetesUpgrade }
        let step = try #require(steps.first)
        #expect(step.to == "1.31.6", "\(step.to)")
        // The window's next occurrence is 2025-03-01: on time for the medium advisory's 90 days.
        #expect(step.start?.utcDate == CalendarDate(year: 2025, month: 3, day: 1)!)
        #expect(step.status == .scheduled && step.due == CalendarDate(year: 2025, month: 5, day: 14))
        #expect(step.fixes.contains("CVE-2025-0426") && !step.fixes.contains("CVE-2025-5187"))
    }

    /// Replayed on a past day, the plan knows only what was published by then: on 2025-02-13 CVE-2025-5187
    /// (published 2025-08-27) and its fix 1.31.12 (2025-08-13) do not exist, so nothing waits for them; on
    /// 2025-08-27 one upgrade fixes both advisories.
    @Test func aReplayedDayKnowsOnlyTheAdvisoriesAndPatchesPublishedByThen() throws {
        let (inputs, _) = Self.shipped(["fleet.yaml": Self.standaloneFleet])
        let february = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-02-13"))
        let early = february.steps.filter { $0.cluster == "edge" && $0.kind == .kubernetesUpgrade }
        #expect(early.map(\.to).allSatisfy { version in KubernetesVersion(parsing: version).map { $0 <= KubernetesVersion(parsing: "1.31.6")! } ?? false },
                "\(early.map(\.to))")
        #expect(!february.steps.contains { $0.fixes.contains("CVE-2025-5187") })
        let august = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-08-27"))
        let late = august.steps.filter { $0.cluster == "edge" && $0.kind == .kubernetesUpgrade }
        // One upgrade, to the policy's target minor (1.32.8), fixes both.
        #expect(late.count == 1 && late.first.map { $0.fixes.contains("CVE-2025-0426") && $0.fixes.contains("CVE-2025-5187") } == true,
                "\(late.map { "\($0.to) \($0.fixes)" })")
    }

    /// Azure Local's update path goes through each release ("before you can update to the 2511 release, you must
    /// first apply the 12.2510 update"): a management cluster on 2508 updates to 2509, then to 2510.
    @Test func aksArcManagementClustersUpdateOneReleaseAtATime() throws {
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules", "examples/fleet.yaml"].map { Self.root.appendingPathComponent($0).path })
        #expect(inputs.platformFeeds.first { $0.platform == "aks-arc" }?.rules.updatesTo == .next)
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-11-17"))
        let updates = plan.steps.filter { $0.kind == .platformUpdate && $0.managementCluster == "arc-local" }
        #expect(updates.map { "\($0.from) → \($0.to)" } == ["2508 → 2509", "2509 → 2510"])
        #expect(updates.count == 2 && updates[1].after.contains(updates[0].id))
    }

    static func hybridFleet(host: String?) -> String {
        """
        apiVersion: upkeep/v1
        kind: Fleet
        name: hybrid
        managementClusters:
          - name: mgmt
            platform: aks-hybrid
        \(host.map { "    hostOS: \($0)\n" } ?? "")    version: 1.0.23.10605
            lastUpdated: 2026-01-10
            window: mgmt-sunday
        """
    }

    static func managementSupport(host: String?, on day: String) throws -> (ManagementClusterStatus, DiagnosticLog) {
        let (inputs, log) = Self.shipped(["fleet.yaml": hybridFleet(host: host)])
        let status = SupportEngine(inputs: inputs).status(on: SupportFixtures.date(day))
        return (try #require(status.managementClusters.first), log)
    }

    @Test func aManagementClusterOnWindowsServer2019HostsIsOutOfSupportAfterMarch2026() throws {
        let (february, _) = try Self.managementSupport(host: "windows-server-2019", on: "2026-02-27")
        #expect(february.support.reasons.contains { $0.contains("retired on windows-server-2019 hosts: no release of it is supported from 2026-03-01") })
        let (april, log) = try Self.managementSupport(host: "windows-server-2019", on: "2026-04-01")
        #expect(april.answer.isOutOfSupport && log.diagnostics.isEmpty)
    }

    @Test func aManagementClusterOnWindowsServer2022HostsIsSupportedUntilMarch2027() throws {
        let (early, log) = try Self.managementSupport(host: "windows-server-2022", on: "2026-04-01")
        #expect(log.diagnostics.isEmpty)
        // Supported as far as the retirement goes (the release itself may fall behind; that is another rule).
        #expect(!early.support.reasons.contains { $0.contains("retired on windows-server-2022 hosts: no release of it is supported from 2026") })
        let (late, _) = try Self.managementSupport(host: "windows-server-2022", on: "2027-03-01")
        #expect(late.answer.isOutOfSupport && late.support.reasons.contains { $0.contains("retired on windows-server-2022 hosts: no release of it is supported from 2027-03-01") })
    }

    /// The gate follows the retirement: a Windows Server 2019 management cluster with no release to move to fails
    /// `upkeep check` a fortnight before March 2026, and says why.
    @Test func checkFailsOnTheWindowsServer2019Retirement() throws {
        let folder = try CheckCommandTests.folder(["fleet.yaml": Self.hybridFleet(host: "windows-server-2019")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = try ValidateCommandTests.upkeep(["check", "releases", "schedules", folder.appendingPathComponent("fleet.yaml").path, "--as-of", "2026-02-15"])
        let run = (output: TestSupport.unfolded(raw.output), status: raw.status)
        #expect(run.status == 3, "\(run.output)")
        #expect(run.output.contains("error support-gap-no-release management-cluster/mgmt: management cluster mgmt is out of support from 2026-03-01 (aks-hybrid is retired on windows-server-2019 hosts"), "\(run.output)")
        #expect(run.output.contains("no later aks-hybrid release is in the feeds") && !run.output.contains("platform-versions-unknown"))
    }

    @Test func aFleetThatDoesNotSayItsHostsIsWarnedWithTheLocationAndGetsTheEarlierRetirement() throws {
        let (status, log) = try Self.managementSupport(host: nil, on: "2026-03-02")
        let warning = try #require(log.diagnostics.first)
        #expect(log.errorCount == 0 && warning.path == "fleet.yaml" && warning.line == 5 && warning.column == 5)
        #expect(warning.message.contains("does not say what its hosts run") && warning.message.contains("windows-server-2019 hosts from 2026-03-01"))
        #expect(status.answer.isOutOfSupport && status.support.reasons.contains { $0.contains("the earliest retirement is assumed") })
        let (_, unknownHost) = try Self.managementSupport(host: "windows-server-2016", on: "2026-03-02")
        #expect(unknownHost.diagnostics.first?.message.contains("hostOS \"windows-server-2016\", which the aks-hybrid feed does not list") == true)
    }

    /// On today's date the shipped feeds no longer describe the world: status says what is stale or unknown.
    @Test func statusOnALateDayNamesWhatIsStaleOrUnknown() throws {
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules", "examples/fleet.yaml"].map { Self.root.appendingPathComponent($0).path })
        let status = SupportEngine(inputs: inputs).status(on: SupportFixtures.date("2026-12-05"))
        let codes = status.findings.map { "\($0.code) \($0.subject)" }
        #expect(codes.contains("feed-stale kubernetes") && codes.contains("feed-stale platform/aks-arc") && codes.contains("platform-versions-unknown platform/aks-arc"))
        let unknown = try #require(status.findings.first { $0.code == "platform-versions-unknown" })
        #expect(unknown.message.contains("2511 (2025-11-18), 2512 (2025-12-16), 2601 (2026-01-22), 2602 (2026-02-17)"))
        let plant = try #require(status.managementClusters.first { $0.name == "arc-plant" })
        #expect(plant.answer.isOutOfSupport && plant.support.reasons.contains { $0.contains("newer releases exist (2511, 2512, 2601, 2602) but no source publishes their Kubernetes versions") })
        // Its clusters are out of support through it, whatever their own versions say (both are given): not unknown.
        let analytics = try #require(status.clusters.first { $0.name == "analytics-dev" })
        #expect(analytics.answer.isOutOfSupport && analytics.answer.through == "arc-plant" && analytics.answer.unknownBecause == nil)
        #expect(analytics.answer.until == CalendarDate(year: 2026, month: 4, day: 24))
        #expect(status.clusters.first { $0.name == "factory-prod" }.map { $0.answer.isOutOfSupport && $0.answer.unknownBecause == nil } == true)
        let text = StatusTextRenderer.render(status)
        #expect(text.contains("analytics-dev      1.31.9                NO         2026-04-24"), "\(text)")
        #expect(text.contains("why: management cluster arc-plant is out of support: aks-arc 2510 came out on 2025-10-24"), "\(text)")
        #expect(text.contains("its own rules: Kubernetes 1.31 is supported by the newest aks-arc release 2510"), "\(text)")
        // On 2026-01-10 arc-plant is still supported, but 2511 and 2512 came out after 2510 without published
        // versions: a cluster 2510 offers may have been dropped since. Its support is unknown, not "supported".
        let january = SupportEngine(inputs: inputs, publishedBy: SupportFixtures.date("2026-01-10")).status(on: SupportFixtures.date("2026-01-10"))
        let replayed = try #require(january.clusters.first { $0.name == "analytics-dev" })
        #expect(replayed.answer.state == .unknown && replayed.answer.unknownBecause?.contains("2511 (2025-11-18), 2512 (2025-12-16) came out after 2510") == true,
                "\(replayed.answer)")
        #expect(StatusGroups.summary(january).contains("whose support the feeds cannot tell"), "\(StatusGroups.summary(january))")
        // The plan says why it cannot update arc-plant.
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-12-05"))
        #expect(plan.findings.contains { $0.code == "support-gap-versions-unknown" && $0.subject == "management-cluster/arc-plant" && $0.message.contains("no source in the feeds publishes their Kubernetes versions") })
    }
}
