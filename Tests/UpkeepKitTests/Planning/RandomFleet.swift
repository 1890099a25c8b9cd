@testable import UpkeepKit

/// Random fleets for the property tests: seeded (SplitMix64), so a failing seed reproduces; invented data on
/// an invented platform with three releases and one updated release by release, upstream minors for standalone
/// clusters (some of them minors behind), two image families,
/// windows in UTC and in zones with daylight saving, a freeze and three rings.
struct RandomFleet {
    /// SplitMix64: small, fast and the same on every machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    let seed: UInt64
    var files: [String: String] = [:]
    var asOf = "2024-07-01"

    /// Releases after `asOf` are announced ahead (`announced`), so that plans may wait for them.
    static let platform = """
        apiVersion: upkeep/v1
        kind: PlatformReleases
        platform: p
        releases:
          - { version: 1.0.1.0, released: 2024-01-10, kubernetesVersions: [1.26.6, 1.27.3, 1.28.3] }
          - { version: 1.0.2.0, released: 2024-04-10, announced: 2024-01-10, kubernetesVersions: [1.27.7, 1.28.5, 1.29.2] }
          - version: 1.0.3.0
            released: 2024-08-20
            announced: 2024-01-10
            kubernetesVersions: [1.28.9, 1.29.4, 1.30.1]
            endOfSupport: [{ minor: "1.27", date: 2024-10-31 }]
        """
    /// Release by release, with a release of unknown versions between published ones, on which a jump is allowed.
    static let platformByRelease = """
        apiVersion: upkeep/v1
        kind: PlatformReleases
        platform: q
        rules: { updatesTo: next, skipMinorsFromUnsupported: true, supportedReleases: none, maxBehind: none, releaseSupportMonths: 6, certificateValidity: 365d }
        releases:
          - { version: 2401, released: 2024-01-10, kubernetesVersions: [1.26.6, 1.27.3, 1.28.3] }
          - { version: 2402, released: 2024-02-12, announced: 2024-01-10, kubernetesVersions: [1.26.6, 1.27.3, 1.28.3] }
          - { version: 2405, released: 2024-05-20, announced: 2024-01-10, kubernetesVersions: [1.27.7, 1.28.5, 1.29.2] }
          - { version: 2406, released: 2024-06-14, announced: 2024-01-10, kubernetesVersions: unknown }
          - { version: 2408, released: 2024-08-20, announced: 2024-01-10, kubernetesVersions: [1.28.9, 1.29.4, 1.30.1] }
        """
    static let kubernetes = """
        apiVersion: upkeep/v1
        kind: KubernetesReleases
        minors:
          - { minor: "1.25", released: 2022-08-23, endOfLife: 2023-10-28, patches: [{ version: 1.25.3, released: 2022-10-12 }, { version: 1.25.16, released: 2023-11-14 }] }
          - { minor: "1.26", released: 2022-12-08, endOfLife: 2024-02-28, patches: [{ version: 1.26.1, released: 2023-01-18 }, { version: 1.26.15, released: 2024-03-14 }] }
          - { minor: "1.27", released: 2023-04-11, endOfLife: 2024-06-28, patches: [{ version: 1.27.3, released: 2023-06-14 }, { version: 1.27.15, released: 2024-06-11 }] }
          - { minor: "1.28", released: 2023-08-15, endOfLife: 2024-10-28, patches: [{ version: 1.28.3, released: 2023-10-18 }, { version: 1.28.11, released: 2024-06-11 }] }
          - { minor: "1.29", released: 2023-12-13, endOfLife: 2025-02-28, patches: [{ version: 1.29.2, released: 2024-02-14 }, { version: 1.29.6, released: 2024-06-11 }] }
          - { minor: "1.30", released: 2024-04-17, endOfLife: 2025-06-28, patches: [{ version: 1.30.1, released: 2024-05-15 }, { version: 1.30.2, released: 2024-06-11 }] }
        """
    static let images = """
        apiVersion: upkeep/v1
        kind: NodeImageCatalog
        month: 2024-06
        images:
          - { family: linux-1, os: linux, version: "202404.01.0", released: 2024-04-01, announced: 2024-01-10 }
          - { family: linux-1, os: linux, version: "202406.01.0", released: 2024-06-01, announced: 2024-01-10 }
          - { family: linux-1, os: linux, version: "202408.01.0", released: 2024-08-01, announced: 2024-01-10 }
          - { family: windows-1, os: windows, version: "20348.1.240401", released: 2024-04-01, announced: 2024-01-10 }
          - { family: windows-1, os: windows, version: "20348.2.240701", released: 2024-07-01, announced: 2024-01-10 }
        """
    static let schedule = """
        apiVersion: upkeep/v1
        kind: MaintenanceSchedule
        windows:
          - { name: utc-daily, timeZone: UTC, weekly: { days: [monday, tuesday, wednesday, thursday, friday], start: "01:00", duration: 4h }, maxParallel: 3 }
          - { name: berlin-night, timeZone: Europe/Berlin, weekly: { days: [sunday], start: "02:30", duration: 3h }, maxParallel: 2 }
          - { name: newyork-evening, timeZone: America/New_York, weekly: { days: [saturday], start: "22:00", duration: 5h } }
          - { name: monthly-first, timeZone: Australia/Sydney, monthly: { dayOfMonth: 1, start: "01:30", duration: 6h }, maxParallel: 1 }
          - { name: mgmt, timeZone: UTC, weekly: { days: [sunday], start: "03:00", duration: 4h } }
        freezes:
          - { name: autumn, from: 2024-10-20, to: 2024-11-03, rings: [prod] }
          - { name: spring, from: 2025-03-25, to: 2025-04-02, allow: security }
        """
    static let policy = """
        apiVersion: upkeep/v1
        kind: UpgradePolicy
        rings:
          - { name: dev, soak: 0d }
          - { name: staging, soak: 5d }
          - { name: prod, soak: 10d }
        """

    init(seed: UInt64) {
        self.seed = seed
        var random = Generator(state: seed)
        asOf = random.pick(["2024-03-01", "2024-05-15", "2024-07-01", "2024-09-10", "2024-10-25", "2025-01-05"])
        let releases = ["1.0.1.0": ["1.26.6", "1.27.3", "1.28.3"], "1.0.2.0": ["1.27.7", "1.28.5", "1.29.2"],
                        "2401": ["1.26.6", "1.27.3", "1.28.3"], "2405": ["1.27.7", "1.28.5", "1.29.2"]]
        let managementCount = random.int(1...2)
        var fleet = "apiVersion: upkeep/v1\nkind: Fleet\nname: random-\(seed)\nmanagementClusters:\n"
        var managements: [(name: String, versions: [String])] = []
        for index in 0..<managementCount {
            // Certificates expired long ago, expiring soon or fresh; a platform updated release by release, behind.
            let byRelease = random.chance(35)
            let release = byRelease ? random.pick(["2401", "2405"]) : random.pick(["1.0.1.0", "1.0.2.0"])
            let lastUpdated = random.pick(["2023-06-01", "2024-02-20", "2024-06-25", "2024-09-01"])
            fleet += "  - { name: m\(index), platform: \(byRelease ? "q" : "p"), version: \(release), lastUpdated: \(lastUpdated), window: mgmt }\n"
            managements.append(("m\(index)", releases[release] ?? []))
        }
        fleet += "clusters:\n"
        let windows = ["utc-daily", "berlin-night", "newyork-evening", "monthly-first"]
        let clusterCount = random.int(2...9)
        for index in 0..<clusterCount {
            let standalone = random.chance(20)
            let management = random.pick(managements)
            // Standalone clusters up to five minors behind the newest (kubeadm takes them one minor at a time).
            let version = standalone ? random.pick(["1.25.3", "1.26.1", "1.27.3", "1.28.3", "1.29.2", "1.30.1"]) : random.pick(management.versions)
            fleet += "  - name: c\(index)\n"
            if !standalone { fleet += "    managementCluster: \(management.name)\n" }
            fleet += "    kubernetesVersion: \(version)\n    ring: \(random.pick(["dev", "staging", "prod"]))\n    window: \(random.pick(windows))\n"
            if index > 0 && random.chance(25) { fleet += "    dependsOn: [c\(random.int(0...(index - 1)))]\n" }
            fleet += "    nodePools:\n"
            let parts = version.split(separator: ".").compactMap { Int($0) }
            for pool in 0..<random.int(1...3) {
                let windows = random.chance(25)
                // A pool at its control plane's version, or a minor behind it (a patch the catalogs do not pin).
                let behind = parts.count == 3 && random.chance(30) ? "1.\(parts[1] - 1).1" : version
                let image = windows ? random.pick(["20348.1.240401"]) : random.pick(["202404.01.0", "202406.01.0"])
                fleet += "      - { name: p\(pool), os: \(windows ? "windows" : "linux"), imageFamily: \(windows ? "windows-1" : "linux-1"), kubernetesVersion: \(behind), nodeImage: \"\(image)\", nodes: \(random.int(1...5)), maxSurge: 1 }\n"
            }
        }
        files = ["platform.yaml": Self.platform, "platform-q.yaml": Self.platformByRelease, "kubernetes.yaml": Self.kubernetes, "images.yaml": Self.images,
                 "schedule.yaml": Self.schedule, "policy.yaml": Self.policy, "fleet.yaml": fleet]
    }
}
