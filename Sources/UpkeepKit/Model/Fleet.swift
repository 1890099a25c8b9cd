/// The inventory (`Fleet`): management clusters and the workload clusters they run.
public struct Fleet: Sendable {
    public var name: String
    public var managementClusters: [ManagementCluster]
    public var clusters: [WorkloadCluster]
    public var position: SourcePosition
}

public enum SubscriptionState: Sendable, Equatable {
    case active
    case suspended(since: CalendarDate)
}

public enum ClusterState: Sendable, Equatable {
    case running
    case stopped(since: CalendarDate)
}

public struct ManagementCluster: Sendable {
    public var name: String
    public var platform: Reference
    public var version: PlatformVersion
    public var versionPosition: SourcePosition
    /// Starts the certificate clock.
    public var lastUpdated: CalendarDate?
    public var window: Reference?
    public var subscription: SubscriptionState
    /// What the management cluster's hosts run (`hostOS`, such as windows-server-2022), with where the fleet
    /// says it; nil when the fleet does not say. A platform may retire on different days per host.
    public var hostOS: Reference? = nil
    public var position: SourcePosition
}

public struct WorkloadCluster: Sendable {
    public var name: String
    /// nil: a standalone cluster that follows the upstream Kubernetes releases.
    public var managementCluster: Reference?
    public var ring: Reference?
    public var kubernetesVersion: KubernetesVersion
    public var window: Reference?
    public var dependsOn: [Reference]
    public var state: ClusterState
    public var owner: String?
    public var nodePools: [NodePool]
    public var position: SourcePosition
    /// Where the fleet gives `kubernetesVersion` (nil when not read from a file).
    public var versionPosition: SourcePosition? = nil
}

public struct NodePool: Sendable {
    public var name: String
    public var os: OperatingSystem
    public var imageFamily: Reference
    public var kubernetesVersion: KubernetesVersion
    public var nodeImage: NodeImageVersion
    public var nodes: Int
    public var maxSurge: Int
    public var position: SourcePosition
    /// Where the fleet gives `nodeImage` (nil when not read from a file).
    public var imagePosition: SourcePosition? = nil
}
