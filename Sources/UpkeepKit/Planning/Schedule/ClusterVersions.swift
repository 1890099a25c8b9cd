/// Each workload cluster's versions as the scheduler's placed steps leave them (by position in the context's
/// clusters): its control plane's and each pool's, starting from the inventory's.
struct ClusterVersions {
    private(set) var controlPlane: [KubernetesVersion]
    private(set) var pools: [[KubernetesVersion]]

    init(_ clusters: [WorkloadCluster]) {
        controlPlane = clusters.map(\.kubernetesVersion)
        pools = clusters.map { $0.nodePools.map(\.kubernetesVersion) }
    }

    mutating func moveControlPlane(of cluster: Int, to version: KubernetesVersion) {
        controlPlane[cluster] = version
    }

    mutating func movePool(_ pool: Int, of cluster: Int, to version: KubernetesVersion) {
        pools[cluster][pool] = version
    }
}
