/// What the clusters report about themselves, read from the files an operator exports (`upkeep inventory`,
/// `upkeep check --observed`): each fact with the export it came from and where in it.
public struct ObservedFacts: Sendable {
    public var clusters: [ObservedCluster] = []
    public var managementClusters: [ObservedManagementCluster] = []

    public init() {}
}

/// A workload cluster as its exports describe it. Every fact is optional: a value no export gives stays unknown
/// (and the fleet's value stands).
public struct ObservedCluster: Sendable {
    public var name: String
    public var kubernetesVersion: ObservedFact<KubernetesVersion>?
    public var nodePools: [ObservedNodePool] = []
    /// The kubelet versions its nodes report (`kubectl get nodes`), each once, in version order: the nodes do
    /// not name their pools in any documented label of AKS hybrid or AKS Arc, so these are the cluster's, not a pool's.
    public var kubeletVersions: ObservedFact<[KubernetesVersion]>?
    /// Where the cluster itself was first seen.
    public var position: SourcePosition

    public init(name: String, position: SourcePosition) {
        self.name = name
        self.position = position
    }
}

public struct ObservedNodePool: Sendable {
    public var name: String
    public var os: ObservedFact<OperatingSystem>?
    public var kubernetesVersion: ObservedFact<KubernetesVersion>?
    public var nodeImage: ObservedFact<String>?
    public var nodes: ObservedFact<Int>?
    public var position: SourcePosition

    public init(name: String, position: SourcePosition) {
        self.name = name
        self.position = position
    }
}

/// A management cluster's platform release as reported (an Azure Local instance's solution version, whose
/// second number is the release: `10.2408.0.29` is 2408), named by its file or folder.
public struct ObservedManagementCluster: Sendable {
    public var name: String
    public var release: ObservedFact<String>
    /// The solution version as reported.
    public var solutionVersion: String
    /// The day of its last solution update (`LastUpdated`, as `YYYY-MM-DD`, UTC), when the export gives one: the
    /// platform update renews the certificates, so the fleet's `lastUpdated` follows it.
    public var lastUpdated: ObservedFact<String>? = nil
}

/// One observed value, the export kind that gave it and where.
public struct ObservedFact<Value: Sendable>: Sendable {
    public var value: Value
    public var source: ObservedExportKind
    public var position: SourcePosition

    public init(_ value: Value, source: ObservedExportKind, position: SourcePosition) {
        self.value = value
        self.source = source
        self.position = position
    }
}
