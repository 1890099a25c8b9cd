/// The support status of every management cluster, workload cluster and node pool on one day
/// (what `upkeep status` prints).
public struct StatusReport: Sendable {
    public var asOf: CalendarDate
    public var managementClusters: [ManagementClusterStatus]
    public var clusters: [ClusterStatus]
    public var findings: [Finding]
}

extension StatusReport {
    /// `supported`, `OUT OF SUPPORT` or `support unknown` (supported by what the feeds say, which may no longer hold).
    public static func state(supported: Bool, unknownBecause: String?) -> String {
        !supported ? "OUT OF SUPPORT" : unknownBecause == nil ? "supported" : "support unknown"
    }
}

public struct ManagementClusterStatus: Sendable {
    public var name: String
    public var platform: String
    public var version: String
    public var support: CombinedSupport
    public var supported: Bool
    /// Why the feeds cannot tell whether a row they find supported still is on `asOf` (releases whose versions are
    /// not published, a stale platform feed); nil when they can.
    public var unknownBecause: String? = nil
}

public struct ClusterStatus: Sendable {
    public var name: String
    /// nil for a standalone cluster.
    public var managementCluster: String?
    public var ring: String?
    public var kubernetesVersion: String
    public var support: CombinedSupport
    public var supported: Bool
    public var advisories: [AdvisoryStatus]
    public var nodePools: [NodePoolStatus]
    /// As for management clusters.
    public var unknownBecause: String? = nil
}

public struct NodePoolStatus: Sendable {
    public var name: String
    public var os: OperatingSystem
    public var kubernetesVersion: String
    public var imageFamily: String
    public var nodeImage: String
    public var support: CombinedSupport
    public var supported: Bool
    public var advisories: [AdvisoryStatus]
    /// As for management clusters.
    public var unknownBecause: String? = nil
}

public struct AdvisoryStatus: Sendable, Equatable {
    public var id: String
    public var severity: Severity
    /// nil when the advisory's publication day is unknown.
    public var due: CalendarDate?
    /// No fixed version exists for the affected versions.
    public var unfixed: Bool
}
