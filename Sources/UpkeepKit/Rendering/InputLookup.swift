/// What the outputs made from a plan (calendar, tickets, explain) look up in the inputs by name: the
/// clusters and management clusters, advisories, known issues and each window's time zone. The first of
/// a repeated name wins, as in planning.
public struct InputLookup: Sendable {
    public var clusters: [String: WorkloadCluster] = [:]
    public var managements: [String: ManagementCluster] = [:]
    public var advisories: [String: SecurityAdvisory] = [:]
    public var knownIssues: [String: KnownIssue] = [:]
    var zones: [String: (identifier: String, converter: TimeZoneConverter)] = [:]
    /// What calendar events and tickets show of a workload cluster, by name: small, so that reading it
    /// for each of tens of thousands of events copies a few strings, not a whole cluster.
    var clusterFacts: [String: ClusterFacts] = [:]
    /// Each management cluster's workload clusters, in inventory order.
    var workloadClusters: [String: [String]] = [:]

    struct ClusterFacts {
        var owner: String?
        var ring: String?
        /// Its management cluster's platform (`aks-hybrid`, `aks-arc`).
        var platform: String?
        var nodePools: [String]
    }

    public init(_ inputs: InputSet) {
        for cluster in inputs.clusters where clusters[cluster.name] == nil { clusters[cluster.name] = cluster }
        for management in inputs.managementClusters where managements[management.name] == nil { managements[management.name] = management }
        for cluster in inputs.clusters where clusterFacts[cluster.name] == nil {
            clusterFacts[cluster.name] = ClusterFacts(owner: cluster.owner, ring: cluster.ring?.name,
                                                      platform: cluster.managementCluster.flatMap { managements[$0.name]?.platform.name },
                                                      nodePools: cluster.nodePools.map(\.name))
            if let management = cluster.managementCluster?.name { workloadClusters[management, default: []].append(cluster.name) }
        }
        for advisory in inputs.advisories where advisories[advisory.id] == nil { advisories[advisory.id] = advisory }
        for feed in inputs.platformFeeds {
            for release in feed.releases {
                for issue in release.knownIssues where knownIssues[issue.id] == nil { knownIssues[issue.id] = issue }
            }
        }
        for window in inputs.windows where zones[window.name] == nil {
            if let converter = TimeZoneConverter(identifier: window.timeZone) { zones[window.name] = (window.timeZone, converter) }
        }
    }

    /// The workload cluster of a step or an event subject (`cluster/NAME`); nil for a management cluster's.
    func cluster(ofSubject subject: String, named name: String) -> ClusterFacts? {
        subject.hasPrefix("cluster/") ? clusterFacts[name] : nil
    }

    /// A step's maintenance window: the one it landed in, else its cluster's or management cluster's.
    public func window(of step: PlanStep) -> String? {
        step.occurrence?.window ?? step.cluster.flatMap { clusters[$0]?.window?.name }
            ?? step.managementCluster.flatMap { managements[$0]?.window?.name }
    }

    /// A step's fleet entry: its pool's for a pool step, else its cluster's or management cluster's.
    public func entry(of step: PlanStep) -> SourcePosition? {
        if let name = step.cluster, let cluster = clusters[name] {
            return step.nodePool.flatMap { pool in cluster.nodePools.first { $0.name == pool }?.position } ?? cluster.position
        }
        return step.managementCluster.flatMap { managements[$0]?.position }
    }
}
