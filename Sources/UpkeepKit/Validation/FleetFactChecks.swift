/// Fleet facts the feeds contradict, which would change a plan: errors by default (docs/inputs.md, "What
/// validate refuses"). A management cluster on a release its feed does not have, a cluster on a Kubernetes version
/// no release up to its management cluster's ever offered, a pool on an image its catalogs give only for the other
/// operating system.
enum FleetFactChecks {
    static func check(_ inputs: InputSet, log: DiagnosticLog) {
        var feeds: [String: PlatformReleaseFeed] = [:]
        for feed in inputs.platformFeeds where feeds[feed.platform] == nil { feeds[feed.platform] = feed }
        var managements: [String: ManagementCluster] = [:]
        for management in inputs.managementClusters where managements[management.name] == nil { managements[management.name] = management }
        for management in inputs.managementClusters {
            guard let feed = feeds[management.platform.name], !feed.releases.isEmpty,
                  !feed.releases.contains(where: { $0.version == management.version }) else { continue }
            let names = feed.releases.map(\.version.description)
            log.error(management.versionPosition,
                      "management cluster \"\(management.name)\" runs \(management.version), which is not a release in the \(feed.platform) feed\(NameSuggestion.sentenceEnding(for: management.version.description, among: names))")
        }
        var imageSystems: [String: Set<OperatingSystem>] = [:]
        for image in inputs.nodeImageCatalogs.flatMap(\.images) { imageSystems[image.version.text, default: []].insert(image.os) }
        for cluster in inputs.clusters {
            if let name = cluster.managementCluster?.name, let management = managements[name], let feed = feeds[management.platform.name] {
                checkOffered(cluster, management: management, feed: feed, log: log)
            }
            for pool in cluster.nodePools {
                guard let systems = imageSystems[pool.nodeImage.text], !systems.contains(pool.os), let other = systems.sorted(by: { $0.rawValue < $1.rawValue }).first else { continue }
                log.error(pool.imagePosition ?? pool.position,
                          "node pool \"\(pool.name)\" of cluster \"\(cluster.name)\" runs \(pool.os.rawValue), but image \(pool.nodeImage.text) is a \(other.rawValue) image in the catalogs; give the pool's \(pool.os.rawValue) image.")
            }
        }
    }

    /// A workload cluster's control plane runs a version some release up to its management cluster's offered
    /// (a later release may have dropped it: that is a support rule, not a mistake). Releases whose versions are
    /// not published cannot tell, and are left out.
    private static func checkOffered(_ cluster: WorkloadCluster, management: ManagementCluster, feed: PlatformReleaseFeed, log: DiagnosticLog) {
        guard let release = feed.releases.first(where: { $0.version == management.version }), release.versionsPublished else { return }
        let upTo = feed.releases.filter { $0.versionsPublished && !(management.version < $0.version) }
        let version = cluster.kubernetesVersion
        if upTo.contains(where: { $0.kubernetesVersions.contains(version) || $0.previewKubernetesVersions.contains(version) }) { return }
        let offered = release.kubernetesVersions.map(\.description).joined(separator: ", ")
        let later = feed.releases.first { management.version < $0.version && $0.kubernetesVersions.contains(version) }
        let why = later.map { "; \(feed.platform) \($0.version) offers it, so the management cluster would have to run that release first" } ?? ""
        log.error(cluster.versionPosition ?? cluster.position,
                  "cluster \"\(cluster.name)\" runs Kubernetes \(version), which no \(feed.platform) release up to \(management.version) (the release of management cluster \"\(management.name)\") offers; \(management.version) offers \(offered.isEmpty ? "no version" : offered)\(why).")
    }
}
