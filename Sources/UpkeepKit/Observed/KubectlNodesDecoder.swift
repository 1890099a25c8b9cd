/// `kubectl get nodes -o json`: the kubelet version each node reports, for the cluster the file or its folder
/// is named after.
enum KubectlNodesDecoder {
    static func cluster(_ items: [YAMLNode], path: String, context: DecodingContext) -> ObservedCluster? {
        guard let first = items.first else { return nil }
        var versions = Set<KubernetesVersion>()
        for item in items {
            guard let node = item.mapping, node["kind"]?.scalar?.text == "Node" else {
                context.error(item, "this entry is not a Node like the first entry of the file; one file holds the nodes of one cluster.")
                continue
            }
            guard let version = node["status"]?.mapping?["nodeInfo"]?.mapping?["kubeletVersion"] else {
                let name = node["metadata"]?.mapping?["name"]?.scalar?.text ?? "a node"
                context.error(item, "\(name) has no \"status.nodeInfo.kubeletVersion\".")
                continue
            }
            if let observed = ObservedValue.kubernetes(version, field: "status.nodeInfo.kubeletVersion", source: .kubectlNodes, context: context) {
                versions.insert(observed.value)
            }
        }
        var cluster = ObservedCluster(name: ObservedExportReader.clusterName(fromPath: path), position: context.position(first))
        if !versions.isEmpty {
            cluster.kubeletVersions = ObservedFact(versions.sorted(), source: .kubectlNodes, position: context.position(first))
        }
        return cluster
    }
}
