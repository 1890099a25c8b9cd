/// AKS hybrid's PowerShell exports (`Get-AksHciCluster | ConvertTo-Json`, `Get-AksHciNodePool | ConvertTo-Json`):
/// the properties the reference pages print, by the same names.
enum AksHciExportDecoder {
    /// A cluster: `Name`, `KubernetesVersion`, and the names in `NodePools` (a name or a list of names).
    static func cluster(_ node: YAMLNode, context: DecodingContext) -> ObservedCluster? {
        guard let mapping = node.mapping, let nameNode = mapping["Name"], let name = context.name(nameNode, "Name") else { return nil }
        var cluster = ObservedCluster(name: name, position: context.position(node))
        if let version = mapping["KubernetesVersion"] {
            cluster.kubernetesVersion = ObservedVersion.kubernetes(version, field: "KubernetesVersion", source: .aksHciClusters, context: context)
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
            pool.kubernetesVersion = ObservedVersion.kubernetes(version, field: "Version", source: .aksHciNodePools, context: context)
        }
        if let os = mapping["OsType"], let text = context.text(os, "OsType") {
            switch text.lowercased() {
            case "linux": pool.os = ObservedFact(.linux, source: .aksHciNodePools, position: context.position(os))
            case "windows": pool.os = ObservedFact(.windows, source: .aksHciNodePools, position: context.position(os))
            default: context.error(os, "\"OsType\" is \"\(text)\"; Upkeep knows Linux and Windows.")
            }
        }
        if let count = mapping["NodeCount"] {
            if let value = count.scalar.flatMap({ Int($0.text) }), value >= 0 {
                pool.nodes = ObservedFact(value, source: .aksHciNodePools, position: context.position(count))
            } else {
                context.error(count, "\"NodeCount\" must be a whole number of nodes.")
            }
        }
        return (cluster, pool)
    }
}

/// Kubernetes versions as exports write them: `v1.28.5` or `1.28.5`.
enum ObservedVersion {
    static func kubernetes(_ node: YAMLNode, field: String, source: ObservedExportKind, context: DecodingContext) -> ObservedFact<KubernetesVersion>? {
        guard let text = context.text(node, field) else { return nil }
        let bare = text.hasPrefix("v") || text.hasPrefix("V") ? String(text.dropFirst()) : text
        guard let version = KubernetesVersion(parsing: bare) else {
            context.error(node, "\"\(field)\" is \"\(text)\", which is not a Kubernetes version (like v1.28.5).")
            return nil
        }
        return ObservedFact(version, source: source, position: context.position(node))
    }
}
