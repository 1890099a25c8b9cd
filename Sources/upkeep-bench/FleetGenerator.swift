import Foundation

/// Writes a large, deterministic, valid set of inputs for the benchmark: management clusters, workload
/// clusters with node pools, a platform feed, image catalogs, schedules and a policy. All of it is
/// invented benchmark data.
struct FleetGenerator {
    var clusters: Int
    var poolsPerCluster = 5
    /// One management cluster (and one window) per 200 workload clusters: 50 for the 10,000-cluster
    /// fleet, so that a doubled fleet is twice as much of everything, not twice as crowded.
    var managementClusters: Int { max(1, clusters / 200) }

    /// A small linear congruential generator, so that every run writes the same bytes.
    private struct Sequence {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Writes the files into `folder` and returns their paths, sorted.
    func write(into folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [(String, String)] = []
        files.append(("platform-releases.yaml", platformFeed))
        files.append(("node-images-2024-06.yaml", catalog))
        files.append(("policy.yaml", policy))
        files.append(("schedule.yaml", schedule))
        files.append(("fleet.yaml", fleet))
        var paths: [String] = []
        for (name, text) in files {
            let path = folder + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths.sorted()
    }

    static let versions = ["1.26.10", "1.26.12", "1.27.7", "1.27.9", "1.28.3", "1.28.5"]
    /// What a cluster of a management cluster on 1.0.22.10209 runs instead of a version only 1.0.23.10605 offers.
    static let olderRelease = ["1.26.12": "1.26.10", "1.27.9": "1.27.7", "1.28.3": "1.27.7", "1.28.5": "1.27.7"]
    /// A fleet on a monthly cadence: most pools run one of the last two images, some lag behind.
    let linuxImages = ["202406.11.0", "202406.11.0", "202405.27.0", "202405.27.0", "202405.03.0", "202404.08.0"]
    let windowsImages = ["20348.2527.240611", "20348.2527.240611", "20348.2461.240514", "20348.2402.240409"]
    static let rings = ["dev", "staging", "prod"]

    var platformFeed: String {
        """
        # Invented benchmark data.
        apiVersion: upkeep/v1
        kind: PlatformReleases
        platform: aks-hybrid
        releases:
          - version: 1.0.22.10209
            released: 2024-02-20
            kubernetesVersions: [1.25.11, 1.26.6, 1.26.10, 1.27.3, 1.27.7]
            nodeImages: { azurelinux-2: "202402.20.0", windows-2022: "20348.2322.240220" }
          - version: 1.0.23.10605
            released: 2024-06-11
            kubernetesVersions: [\(Self.versions.joined(separator: ", "))]
            nodeImages: { azurelinux-2: "202406.11.0", windows-2022: "20348.2527.240611" }
            endOfSupport: [{ minor: "1.26", date: 2024-08-31 }]

        """
    }

    var catalog: String {
        """
        # Invented benchmark data. Images after the plan day (2024-07-01) are announced ahead, so that the plan waits for them.
        apiVersion: upkeep/v1
        kind: NodeImageCatalog
        month: 2024-06
        images:
          - { family: azurelinux-2, os: linux, version: "202404.08.0", released: 2024-04-08 }
          - { family: azurelinux-2, os: linux, version: "202405.03.0", released: 2024-05-03 }
          - { family: azurelinux-2, os: linux, version: "202405.27.0", released: 2024-05-27 }
          - { family: azurelinux-2, os: linux, version: "202406.11.0", released: 2024-06-11 }
          - { family: azurelinux-2, os: linux, version: "202407.09.0", released: 2024-07-09, announced: 2024-06-15 }
          - { family: azurelinux-2, os: linux, version: "202408.13.0", released: 2024-08-13, announced: 2024-06-15 }
          - { family: windows-2022, os: windows, version: "20348.2402.240409", released: 2024-04-09 }
          - { family: windows-2022, os: windows, version: "20348.2461.240514", released: 2024-05-14 }
          - { family: windows-2022, os: windows, version: "20348.2527.240611", released: 2024-06-11 }
          - { family: windows-2022, os: windows, version: "20348.2582.240709", released: 2024-07-09, announced: 2024-06-15 }
          - { family: windows-2022, os: windows, version: "20348.2655.240813", released: 2024-08-13, announced: 2024-06-15 }

        """
    }

    var policy: String {
        """
        # Invented benchmark data.
        apiVersion: upkeep/v1
        kind: UpgradePolicy
        horizon: 180d
        rings:
          - { name: dev, soak: 0d, allowPreview: true }
          - { name: staging, soak: 7d }
          - { name: prod, soak: 14d }

        """
    }

    var schedule: String {
        var text = "# Invented benchmark data.\napiVersion: upkeep/v1\nkind: MaintenanceSchedule\nwindows:\n"
        let zones = ["Europe/Berlin", "UTC", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for index in 0..<managementClusters {
            text += "  - name: window-\(index)\n    timeZone: \(zones[index % zones.count])\n"
            if index % 4 == 3 {
                text += "    monthly: { week: second, day: \(days[index % 7]), start: \"18:00\", duration: 6h }\n"
            } else {
                text += "    weekly: { days: [\(days[index % 7]), \(days[(index + 3) % 7])], start: \"01:00\", duration: 6h }\n    maxParallel: 40\n"
            }
        }
        text += "freezes:\n  - { name: year-end, from: 2024-12-15, to: 2025-01-05, allow: security, rings: [prod] }\n"
        return text
    }

    var fleet: String {
        var random = Sequence()
        var text = "# Invented benchmark data: a generated fleet of \(clusters) workload clusters.\n"
        text += "apiVersion: upkeep/v1\nkind: Fleet\nname: bench\nmanagementClusters:\n"
        text.reserveCapacity(clusters * 900)
        for index in 0..<managementClusters {
            text += """
              - name: mgmt-\(index)
                platform: aks-hybrid
                version: \(index % 3 == 0 ? "1.0.22.10209" : "1.0.23.10605")
                lastUpdated: 2024-0\(1 + index % 6)-1\(index % 9)
                window: window-\(index)
                subscription: active

            """
        }
        text += "clusters:\n"
        for index in 0..<clusters {
            let management = index % managementClusters
            // A cluster runs a version its management cluster's release offers (or an earlier one did): those on
            // 1.0.22.10209 (every third) get that release's nearest patch.
            let drawn = Self.versions[random.next(Self.versions.count)]
            let version = management % 3 == 0 ? Self.olderRelease[drawn] ?? drawn : drawn
            text += """
              - name: cluster-\(index)
                managementCluster: mgmt-\(management)
                ring: \(Self.rings[index % 3])
                kubernetesVersion: \(version)
                window: window-\((management + 1) % managementClusters)
                owner: team-\(index % 97)

            """
            // A dependency in the same ring (index - 3): a cross-ring dependsOn can contradict ring soak.
            if index >= 3 && index % 10 == 0 { text += "    dependsOn: [cluster-\(index - 3)]\n" }
            text += "    nodePools:\n"
            for pool in 0..<poolsPerCluster {
                let windows = pool == poolsPerCluster - 1 && index % 4 == 0
                text += """
                      - name: pool-\(pool)
                        os: \(windows ? "windows" : "linux")
                        imageFamily: \(windows ? "windows-2022" : "azurelinux-2")
                        kubernetesVersion: \(version)
                        nodeImage: "\(windows ? windowsImages[random.next(windowsImages.count)] : linuxImages[random.next(linuxImages.count)])"
                        nodes: \(1 + random.next(8))
                        maxSurge: \(1 + random.next(2))

                """
            }
        }
        return text
    }
}
