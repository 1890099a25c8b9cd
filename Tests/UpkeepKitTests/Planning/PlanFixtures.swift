import Foundation
import Testing
@testable import UpkeepKit

/// Invented feeds, fleets and schedules for the planner tests.
enum PlanFixtures {
    struct Release {
        var version: String
        var released: String
        var versions: [String]
        var extra = ""
    }

    /// Every release is announced on the first one's day: the invented feed knows its schedule from the start, so
    /// a plan made before a release may wait for it (planning.md 2, "Facts as of the day").
    static func platform(_ releases: [Release], rules: String = "supportedMinors: 3") -> String {
        var text = "apiVersion: upkeep/v1\nkind: PlatformReleases\nplatform: p\nrules: { \(rules) }\nreleases:\n"
        let announced = releases.map(\.released).min() ?? ""
        for release in releases {
            text += "  - version: \(release.version)\n    released: \(release.released)\n    announced: \(announced)\n    kubernetesVersions: [\(release.versions.joined(separator: ", "))]\n"
            if !release.extra.isEmpty { text += release.extra }
        }
        return text
    }

    struct Pool {
        var name = "linux"
        var os = "linux"
        var family = "linux-1"
        var version: String
        var image = "202406.01.0"
        var nodes = 2
        var maxSurge = 1
    }

    struct Cluster {
        var name: String
        var version: String
        var ring = "dev"
        var window = "daily"
        var management: String? = "mgmt"
        var pools: [Pool]? = nil
        var extra = ""
    }

    static func fleet(management: String = "1.0.1.0", lastUpdated: String = "2024-06-01", clusters: [Cluster]) -> String {
        var text = "apiVersion: upkeep/v1\nkind: Fleet\nname: test\nmanagementClusters:\n"
        text += "  - { name: mgmt, platform: p, version: \(management), lastUpdated: \(lastUpdated), window: mgmt-window }\nclusters:\n"
        for cluster in clusters {
            text += "  - name: \(cluster.name)\n    kubernetesVersion: \(cluster.version)\n    ring: \(cluster.ring)\n    window: \(cluster.window)\n"
            if let management = cluster.management { text += "    managementCluster: \(management)\n" }
            text += cluster.extra
            text += "    nodePools:\n"
            for pool in cluster.pools ?? [Pool(version: cluster.version)] {
                text += "      - { name: \(pool.name), os: \(pool.os), imageFamily: \(pool.family), kubernetesVersion: \(pool.version), nodeImage: \"\(pool.image)\", nodes: \(pool.nodes), maxSurge: \(pool.maxSurge) }\n"
            }
        }
        return text
    }

    /// Every day 01:00–05:00 UTC for clusters, Sundays 03:00–07:00 for the management cluster.
    static func schedule(extraWindows: String = "", freezes: String = "") -> String {
        """
        apiVersion: upkeep/v1
        kind: MaintenanceSchedule
        windows:
          - name: daily
            timeZone: UTC
            weekly: { days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday], start: "01:00", duration: 4h }
          - name: mgmt-window
            timeZone: UTC
            weekly: { days: [sunday], start: "03:00", duration: 4h }
        \(extraWindows)
        \(freezes.isEmpty ? "" : "freezes:\n" + freezes)
        """
    }

    static let catalog = """
        apiVersion: upkeep/v1
        kind: NodeImageCatalog
        month: 2024-06
        images:
          - { family: linux-1, os: linux, version: "202406.01.0", released: 2024-06-01 }
          - { family: windows-1, os: windows, version: "20348.1.240601", released: 2024-06-01 }
        """

    static func policy(_ body: String = "") -> String {
        "apiVersion: upkeep/v1\nkind: UpgradePolicy\nrings:\n  - { name: dev, soak: 0d }\n  - { name: staging, soak: 7d }\n  - { name: prod, soak: 14d }\n" + body
    }

    static func plan(platform: String, fleet: String, schedule: String = schedule(), policy: String = policy(),
                     extra: [String: String] = [:], asOf: String = "2024-07-01", horizon: Horizon? = nil) -> (Plan, DiagnosticLog) {
        var files = ["platform.yaml": platform, "fleet.yaml": fleet, "schedule.yaml": schedule, "policy.yaml": policy, "images.yaml": catalog]
        files.merge(extra) { $1 }
        let (inputs, log) = TestSupport.load(files)
        if log.errorCount > 0 { Issue.record("fixture inputs are invalid: \(TestSupport.messages(log))") }
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf), horizon: horizon)
        // Every JSON plan the tests make must match the committed schema.
        PlanSchemaCheck.check(plan)
        PlanInvariants.check(plan, inputs: inputs)
        dump(plan, files: files, asOf: asOf, horizon: horizon)
        return (plan, log)
    }

    /// With UPKEEP_PLAN_DUMP=DIR, every fixture plan is also written to DIR, named by a digest of its
    /// inputs: `Tests/tools/compare-plans.sh` compares the plans of two commits this way.
    static func dump(_ plan: Plan, files: [String: String], asOf: String, horizon: Horizon?) {
        guard let folder = ProcessInfo.processInfo.environment["UPKEEP_PLAN_DUMP"] else { return }
        // A horizon in days keys as the minutes earlier commits wrote, so that their dumps pair with these.
        let horizonKey = horizon.map { $0.unit == .days ? "\($0.count * 1440)" : $0.description } ?? "-1"
        var key = "\(asOf) \(horizonKey)\n"
        for name in files.keys.sorted() { key += "\(name)\n\(files[name] ?? "")\n" }
        let name = SHA256.hex(Array(key.utf8)).prefix(16)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(PlanJSONRenderer.render(plan).utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).json"))
    }
}

extension Plan {
    func steps(of cluster: String) -> [PlanStep] { steps.filter { $0.cluster == cluster } }
    func step(_ id: String) -> PlanStep? { steps.first { $0.id == id } }
}
