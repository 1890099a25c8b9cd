@testable import UpkeepKit

/// Small invented feeds and fleets for the support rule tests.
enum SupportFixtures {
    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    static func version(_ text: String) -> KubernetesVersion {
        guard let version = KubernetesVersion(parsing: text) else { preconditionFailure("bad test version \(text)") }
        return version
    }

    /// Invented: four releases a month or two apart; 1.27 is dropped by R3, 1.28.1 by R2.
    static let platformFeed = """
        apiVersion: upkeep/v1
        kind: PlatformReleases
        platform: test-platform
        releases:
          - { version: 1.0.1.0, released: 2024-01-01, kubernetesVersions: [1.27.1, 1.28.1, 1.29.1] }
          - { version: 1.0.2.0, released: 2024-02-01, kubernetesVersions: [1.27.1, 1.28.2, 1.29.1] }
          - { version: 1.0.3.0, released: 2024-03-01, kubernetesVersions: [1.28.2, 1.29.1, 1.30.1], previewKubernetesVersions: [1.31.0] }
          - version: 1.0.4.0
            released: 2024-03-15
            kubernetesVersions: [1.28.2, 1.29.1, 1.30.1, 1.30.2]
            endOfSupport: [{ minor: "1.29", date: 2024-09-30 }]
            knownIssues:
              - { id: win-hang, summary: Windows pools hang, affects: { kubernetesVersions: [1.30.2], os: windows }, avoid: true }
        """

    static func timeline() -> PlatformTimeline {
        let (inputs, log) = TestSupport.load(["platform.yaml": platformFeed])
        precondition(log.errorCount == 0, "\(TestSupport.messages(log))")
        return PlatformTimeline(inputs.platformFeeds[0])
    }

    /// A fleet on the test platform; `clusters` is the YAML of the clusters list.
    static func inputs(clusters: String, management: String = "mgmt", extraManagement: String = "", extra: [String: String] = [:]) -> InputSet {
        let fleet = """
            apiVersion: upkeep/v1
            kind: Fleet
            name: test
            managementClusters:
              - name: \(management)
                platform: test-platform
                version: 1.0.2.0
                lastUpdated: 2024-02-10
            \(extraManagement)
            clusters:
            \(clusters)
            """
        var files = ["platform.yaml": platformFeed, "fleet.yaml": fleet, "images.yaml": """
            apiVersion: upkeep/v1
            kind: NodeImageCatalog
            month: 2024-03
            images:
              - { family: linux-1, os: linux, version: "202403.05.0", released: 2024-03-05, familyEndOfLife: 2024-12-31 }
              - { family: windows-1, os: windows, version: "20348.100.240305", released: 2024-03-05 }
              - { family: windows-1, os: windows, version: "20348.200.240405", released: 2024-04-05 }
            """]
        files.merge(extra) { $1 }
        let (inputs, _) = TestSupport.load(files)
        return inputs
    }

    static func cluster(_ name: String, version: String = "1.28.2", management: String? = "mgmt", state: String = "running",
                        pools: [(name: String, os: String, family: String, version: String, image: String)]) -> String {
        var text = "  - name: \(name)\n    kubernetesVersion: \(version)\n    state: \(state)\n"
        if let management { text += "    managementCluster: \(management)\n" }
        text += "    nodePools:\n"
        for pool in pools {
            text += "      - { name: \(pool.name), os: \(pool.os), imageFamily: \(pool.family), kubernetesVersion: \(pool.version), nodeImage: \"\(pool.image)\", nodes: 2 }\n"
        }
        return text
    }

    static func linuxPool(_ version: String = "1.28.2", image: String = "202403.05.0") -> (name: String, os: String, family: String, version: String, image: String) {
        ("linux", "linux", "linux-1", version, image)
    }

    static func windowsPool(_ version: String = "1.28.2", image: String = "20348.100.240305") -> (name: String, os: String, family: String, version: String, image: String) {
        ("win", "windows", "windows-1", version, image)
    }
}
