/// The support status of every management cluster, workload cluster and node pool on one day
/// (what `upkeep status` prints).
public struct StatusReport: Sendable {
    public var asOf: CalendarDate
    public var managementClusters: [ManagementClusterStatus]
    public var clusters: [ClusterStatus]
    public var findings: [Finding]
    /// When this is a view of the whole status (`--cluster`, `--until`), what it keeps.
    public var view: PlanView? = nil
}

public struct ManagementClusterStatus: Sendable {
    public var name: String
    public var platform: String
    public var version: String
    /// What its own rules say.
    public var support: CombinedSupport
    /// The one verdict on `asOf` every output writes.
    public var answer: SupportAnswer
}

public struct ClusterStatus: Sendable {
    public var name: String
    /// nil for a standalone cluster.
    public var managementCluster: String?
    public var ring: String?
    public var kubernetesVersion: String
    /// What its own rules say (its control plane's version, stopped state, subscription).
    public var support: CombinedSupport
    /// The one verdict on `asOf` every output writes, its management cluster's included.
    public var answer: SupportAnswer
    public var advisories: [AdvisoryStatus]
    public var nodePools: [NodePoolStatus]
}

public struct NodePoolStatus: Sendable {
    public var name: String
    public var os: OperatingSystem
    public var kubernetesVersion: String
    public var imageFamily: String
    public var nodeImage: String
    /// What its own rules say (its version, kubelet skew, image).
    public var support: CombinedSupport
    /// The one verdict on `asOf` every output writes, its management cluster's included.
    public var answer: SupportAnswer
    public var advisories: [AdvisoryStatus]
}

public struct AdvisoryStatus: Sendable, Equatable {
    public var id: String
    public var severity: Severity
    /// nil when the advisory's publication day is unknown.
    public var due: CalendarDate?
    /// No fixed version exists for the affected versions.
    public var unfixed: Bool
}
