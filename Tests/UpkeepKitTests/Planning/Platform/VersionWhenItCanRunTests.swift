import Testing
@testable import UpkeepKit

/// planning.md 3, "a target version must be supported on the day its step runs", on a platform updated
/// release by release: a Kubernetes step whose first slot comes before the platform update that brings its
/// version waits for that update; one that no reachable release gives a supported patch is unschedulable,
/// and says so without window advice (no window would give it a version).
@Suite("The version a step takes when it can run (planning.md 3)")
struct VersionWhenItCanRunTests {
    /// 2401 updates to 2405, and the path stops there (2406's versions are unknown); 2408 drops every version
    /// 2405 offers, which leave support on 2024-09-19.
    static let platformStopping = """
        apiVersion: upkeep/v1
        kind: PlatformReleases
        platform: q
        rules: { updatesTo: next, skipMinorsFromUnsupported: true, supportedReleases: none, maxBehind: none, releaseSupportMonths: 6, certificateValidity: 365d }
        releases:
          - { version: 2401, released: 2024-01-10, kubernetesVersions: [1.27.3, 1.28.3] }
          - { version: 2405, released: 2024-05-20, kubernetesVersions: [1.27.7, 1.28.5, 1.29.2] }
          - { version: 2406, released: 2024-06-14, kubernetesVersions: unknown }
          - { version: 2408, released: 2024-08-20, kubernetesVersions: [1.28.9, 1.29.4] }
        """
    /// The cluster's window closes on Sunday before the management cluster's opens.
    static let schedule = """
        apiVersion: upkeep/v1
        kind: MaintenanceSchedule
        windows:
          - { name: night, timeZone: UTC, weekly: { days: [sunday], start: "00:30", duration: 2h } }
          - { name: mgmt, timeZone: UTC, weekly: { days: [sunday], start: "03:00", duration: 4h } }
        """

    static func plan(_ platform: String, release: String, cluster version: String, asOf: String) -> Plan {
        let fleet = """
            apiVersion: upkeep/v1
            kind: Fleet
            name: t
            managementClusters:
              - { name: m, platform: q, version: \(release), lastUpdated: 2024-04-01, window: mgmt }
            clusters:
              - { name: c, managementCluster: m, kubernetesVersion: \(version), window: night, nodePools: [{ name: p, os: linux, imageFamily: l, kubernetesVersion: \(version), nodeImage: "202405.01.0", nodes: 1 }] }
            """
        let images = """
            apiVersion: upkeep/v1
            kind: NodeImageCatalog
            month: 2024-05
            images: [{ family: l, os: linux, version: "202405.01.0", released: 2024-05-01 }]
            """
        let (inputs, log) = TestSupport.load(["platform.yaml": platform, "schedule.yaml": schedule, "fleet.yaml": fleet, "images.yaml": images])
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        return Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf))
    }

    /// Random fleet 49, reduced: the platform update 2402 → 2405 of m0 is placed (Sunday 2024-05-26, from 03:00)
    /// before c0's patch is, which waits for the dev ring's soak; c0's first slot after its target is out is that
    /// Sunday 00:30 UTC, when 2402 offers no newer 1.28. The patch waits for the placed update and takes 2405's
    /// 1.28.5 on the Sunday after, on time (1.28.3 leaves support on 2024-06-19).
    @Test func aStepWhoseSlotComesBeforeAPlacedUpdateThatBringsItsVersionWaitsForIt() throws {
        let fleet = """
            apiVersion: upkeep/v1
            kind: Fleet
            name: random-49
            managementClusters:
              - { name: m0, platform: q, version: 2401, lastUpdated: 2023-06-01, window: mgmt }
              - { name: m1, platform: p, version: 1.0.2.0, lastUpdated: 2024-09-01, window: mgmt }
            clusters:
              - name: c0
                managementCluster: m0
                kubernetesVersion: 1.28.3
                ring: staging
                window: berlin-night
                nodePools: [{ name: p0, os: linux, imageFamily: linux-1, kubernetesVersion: 1.28.3, nodeImage: "202404.01.0", nodes: 5, maxSurge: 1 }]
              - name: c1
                managementCluster: m1
                kubernetesVersion: 1.27.7
                ring: dev
                window: utc-daily
                nodePools: [{ name: p0, os: linux, imageFamily: linux-1, kubernetesVersion: 1.27.7, nodeImage: "202406.01.0", nodes: 4, maxSurge: 1 }]
            """
        var files = RandomFleet(seed: 1).files
        files["fleet.yaml"] = fleet
        let (inputs, log) = TestSupport.load(files)
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-03-01"))
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate && $0.to == "2405" })
        #expect(update.start?.description == "2024-05-26T03:00:00Z")
        let hop = try #require(plan.steps.first { $0.kind == .kubernetesUpgrade && $0.cluster == "c0" })
        #expect(hop.to == "1.28.5" && hop.status == .scheduled)
        #expect(hop.start?.description == "2024-06-02T00:30:00Z")
    }

    /// 2401 → 2405 runs on Sunday 2024-09-15 from 03:00, after the cluster's window closed; on its next Sunday,
    /// 2024-09-22, 2405's 1.28.5 has left support (2408 dropped it). The hop from 1.27 has nothing it may take;
    /// its finding says why and what would help, and does not suggest a longer window.
    @Test func aStepNoReachableReleaseGivesASupportedPatchIsUnschedulableWithoutWindowAdvice() throws {
        let plan = Self.plan(Self.platformStopping, release: "2401", cluster: "1.27.3", asOf: "2024-09-10")
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        #expect(update.to == "2405" && update.start?.description == "2024-09-15T03:00:00Z")
        let hop = try #require(plan.steps.first { $0.kind == .kubernetesUpgrade && $0.cluster == "c" })
        #expect(hop.status == .unschedulable)
        let finding = try #require(plan.findings.first { $0.code == "step-unschedulable" && $0.subject == "cluster/c" })
        #expect(finding.message.contains("on 2024-09-22, the first day it could run, 1.28.5 is the newest patch offered and it is out of support by then"))
        #expect(!finding.message.contains("occurrence of window"))
    }
}
