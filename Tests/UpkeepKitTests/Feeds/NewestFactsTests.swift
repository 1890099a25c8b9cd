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
    /// and the old feed's x.0/x.1/newest patches never offered it.
    @Test func aStandaloneClusterExposedToCVE20250426GetsTheFirstFixingPatchOnOrAfterItsRelease() throws {
        let fleet = Self.standaloneFleet
        let (inputs, log) = Self.shipped(["fleet.yaml": fleet])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let patch = try #require(inputs.kubernetesFeeds.flatMap(\.minors).first { $0.minor.description == "1.31" }?.patches.first { $0.version.description == "1.31.6" })
        #expect(patch.released == CalendarDate(year: 2025, month: 2, day: 12))
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-01-20"))
        let steps = plan.steps.filter { $0.cluster == "edge" && $0.kind == .kubernetesUpgrade }
        let step = try #require(steps.first)
        #expect(step.to == "1.31.6", "\(step.to)")
        let start = try #require(step.start)
        // The window's 2025-02-01 occurrence comes before the release: the step takes 2025-03-01's, on time.
        #expect(start.utcDate >= CalendarDate(year: 2025, month: 2, day: 12)! && start.utcDate == CalendarDate(year: 2025, month: 3, day: 1)!)
        #expect(step.status == .scheduled && step.due == CalendarDate(year: 2025, month: 5, day: 14))
    }

    /// CVE-2025-5187, which the same cluster is exposed to, is fixed only in 1.31.12 (out 2025-08-13): one patch
    /// upgrade taking both would wait for it and be late for CVE-2025-0426. The needs are staged instead.
    @Test func patchStagesDoNotHoldAnEarlyFixBackForALateOne() throws {
        let (inputs, _) = Self.shipped(["fleet.yaml": Self.standaloneFleet])
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-01-20"))
        let steps = plan.steps.filter { $0.cluster == "edge" && $0.kind == .kubernetesUpgrade }
        #expect(steps.map(\.to) == ["1.31.6", "1.31.12"], "\(steps.map(\.to))")
        #expect(steps.map(\.status) == [.scheduled, .scheduled])
        #expect(steps.last?.after == [steps[0].id] || steps.last?.after.contains(steps[0].id) == true)
        #expect(!plan.findings.contains { $0.code == "step-late" && $0.subject == "cluster/edge" })
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
        #expect(!april.supported && log.diagnostics.isEmpty)
    }

    @Test func aManagementClusterOnWindowsServer2022HostsIsSupportedUntilMarch2027() throws {
        let (early, log) = try Self.managementSupport(host: "windows-server-2022", on: "2026-04-01")
        #expect(log.diagnostics.isEmpty)
        // Supported as far as the retirement goes (the release itself may fall behind; that is another rule).
        #expect(!early.support.reasons.contains { $0.contains("retired on windows-server-2022 hosts: no release of it is supported from 2026") })
        let (late, _) = try Self.managementSupport(host: "windows-server-2022", on: "2027-03-01")
        #expect(!late.supported && late.support.reasons.contains { $0.contains("retired on windows-server-2022 hosts: no release of it is supported from 2027-03-01") })
    }

    /// The gate follows the retirement: a Windows Server 2019 management cluster with no release to move to fails
    /// `upkeep check` a fortnight before March 2026, and says why.
    @Test func checkFailsOnTheWindowsServer2019Retirement() throws {
        let folder = try CheckCommandTests.folder(["fleet.yaml": Self.hybridFleet(host: "windows-server-2019")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ValidateCommandTests.upkeep(["check", "releases", "schedules", folder.appendingPathComponent("fleet.yaml").path, "--as-of", "2026-02-15"])
        #expect(run.status == 3, "\(run.output)")
        #expect(run.output.contains("error support-gap-no-release management-cluster/mgmt: management cluster mgmt is out of support from 2026-03-01 (aks-hybrid is retired on windows-server-2019 hosts"), "\(run.output)")
        #expect(run.output.contains("no later aks-hybrid release is in the feeds") && !run.output.contains("platform-versions-unknown"))
    }

    @Test func aFleetThatDoesNotSayItsHostsIsWarnedWithTheLocationAndGetsTheEarlierRetirement() throws {
        let (status, log) = try Self.managementSupport(host: nil, on: "2026-03-02")
        let warning = try #require(log.diagnostics.first)
        #expect(log.errorCount == 0 && warning.path == "fleet.yaml" && warning.line == 5 && warning.column == 5)
        #expect(warning.message.contains("does not say what its hosts run") && warning.message.contains("windows-server-2019 hosts from 2026-03-01"))
        #expect(!status.supported && status.support.reasons.contains { $0.contains("the earliest retirement is assumed") })
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
        #expect(!plant.supported && plant.support.reasons.contains { $0.contains("newer releases exist (2511, 2512, 2601, 2602) but no source publishes their Kubernetes versions") })
        // A cluster the newest published release (2510) offers may have been dropped since: its support is unknown,
        // not "supported, no known end". One out of support stays out of support.
        let analytics = try #require(status.clusters.first { $0.name == "analytics-dev" })
        #expect(analytics.supported && analytics.unknownBecause?.contains("2511 (2025-11-18), 2512 (2025-12-16), 2601 (2026-01-22), 2602 (2026-02-17) came out after 2510") == true)
        #expect(status.clusters.first { $0.name == "factory-prod" }.map { !$0.supported && $0.unknownBecause == nil } == true)
        let text = StatusTextRenderer.render(status)
        #expect(text.contains("analytics-dev      1.31.9                unknown    -"), "\(text)")
        #expect(StatusGroups.summary(status).contains("4 whose support the feeds cannot tell"), "\(StatusGroups.summary(status))")
        // The plan says why it cannot update arc-plant.
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-12-05"))
        #expect(plan.findings.contains { $0.code == "support-gap-versions-unknown" && $0.subject == "management-cluster/arc-plant" && $0.message.contains("no source in the feeds publishes their Kubernetes versions") })
    }
}
