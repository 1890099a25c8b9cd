/// AKS hybrid's PowerShell exports (`Get-AksHciCluster | ConvertTo-Json`, `Get-AksHciNodePool | ConvertTo-Json`):
/// the properties the reference pages print, by the same names.
enum AksHciExportDecoder {
    /// A cluster: `Name`, `KubernetesVersion`, and the names in `NodePools` (a name or a list of names).
    static func cluster(_ node: YAMLNode, context: DecodingContext) -> ObservedCluster? {
        guard let mapping = node.mapping, let nameNode = mapping["Name"], let name = context.name(nameNode, "Name") else { return nil }
        var cluster = ObservedCluster(name: name, position: context.position(node))
        if let version = mapping["KubernetesVersion"] {
            cluster.kubernetesVersion = ObservedValue.kubernetes(version, field: "KubernetesVersion", source: .aksHciClusters, context: context)
        }
        if let pools = mapping["NodePools"] {
            let names: [YAMLNode] = pools.sequence?.items ?? [pools]
            cluster.nodePools = names.compactMap { node in
                guard let scalar = node.scalar, !scalar.isNull else { return nil }
                return context.name(node, "NodePools").map { ObservedNodePool(name: $0, position: context.position(node)) }
            }
        }
        return cluster
    }

    /// A node pool: `ClusterName`, `NodePoolName`, `Version`, `OsType`, `NodeCount`.
    static func nodePool(_ node: YAMLNode, context: DecodingContext) -> (cluster: String, pool: ObservedNodePool)? {
        guard let mapping = node.mapping, let clusterNode = mapping["ClusterName"], let cluster = context.name(clusterNode, "ClusterName"),
              let nameNode = mapping["NodePoolName"], let name = context.name(nameNode, "NodePoolName") else { return nil }
        var pool = ObservedNodePool(name: name, position: context.position(node))
        if let version = mapping["Version"] {
            pool.kubernetesVersion = ObservedValue.kubernetes(version, field: "Version", source: .aksHciNodePools, context: context)
        }
        pool.os = mapping["OsType"].flatMap { ObservedValue.os($0, field: "OsType", source: .aksHciNodePools, context: context) }
        pool.nodes = mapping["NodeCount"].flatMap { ObservedValue.nodes($0, field: "NodeCount", source: .aksHciNodePools, context: context) }
        return (cluster, pool)
    }
}
