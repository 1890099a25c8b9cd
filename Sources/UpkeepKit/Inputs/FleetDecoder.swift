/// Decodes a `Fleet` document (the inventory).
enum FleetDecoder {
    static func decode(_ root: Fields, _ context: DecodingContext) -> Fleet? {
        let name = root["name"].flatMap { context.name($0, "name") } ?? ""
        let managementClusters = root["managementClusters"].map { context.list($0, "managementClusters") { managementCluster($0, context) } } ?? []
        let clusterNodes = root["clusters"].flatMap { context.list($0, "clusters") } ?? []
        let clusters = ParallelDecoding.map(clusterNodes, context) { cluster($0, $1) }
        if root["managementClusters"] == nil && root["clusters"] == nil {
            context.log.warning(root.position, "the fleet lists no management clusters and no clusters.")
        }
        return Fleet(name: name, managementClusters: managementClusters, clusters: clusters, position: root.position)
    }

    private static func reference(_ fields: Fields, _ key: String, _ context: DecodingContext, required: Bool = false) -> Reference? {
        guard let node = required ? fields.required(key) : fields[key], let name = context.name(node, key) else { return nil }
        return Reference(name: name, position: context.position(node))
    }

    private static func managementCluster(_ node: YAMLNode, _ context: DecodingContext) -> ManagementCluster? {
        guard let fields = context.fields(node, "management cluster", named: true, known: [
            "name", "platform", "version", "lastUpdated", "window", "subscription", "hostOS",
        ]) else { return nil }
        let name = fields.required("name").flatMap { context.name($0, "name") }
        let platform = reference(fields, "platform", context, required: true)
        let versionNode = fields.required("version")
        let version = versionNode.flatMap { context.platformVersion($0, "version") }
        let lastUpdated = fields["lastUpdated"].flatMap { context.date($0, "lastUpdated") }
        let window = reference(fields, "window", context)
        let subscription = fields["subscription"].flatMap { subscriptionState($0, context) } ?? .active
        let hostOS = reference(fields, "hostOS", context)
        guard let name, let platform, let version, let versionNode else { return nil }
        return ManagementCluster(name: name, platform: platform, version: version, versionPosition: context.position(versionNode),
                                 lastUpdated: lastUpdated, window: window, subscription: subscription, hostOS: hostOS,
                                 position: fields.position)
    }

    private static func subscriptionState(_ node: YAMLNode, _ context: DecodingContext) -> SubscriptionState? {
        if node.scalar?.text == "active" { return .active }
        guard node.mapping != nil else {
            context.error(node, "\"subscription\" is \(node.kindDescription); it must be active or { suspendedSince: DATE }.")
            return nil
        }
        guard let fields = context.fields(node, "the subscription", known: ["suspendedSince"]),
              let date = fields.required("suspendedSince").flatMap({ context.date($0, "suspendedSince") }) else { return nil }
        return .suspended(since: date)
    }

    private static func clusterState(_ node: YAMLNode, _ context: DecodingContext) -> ClusterState? {
        if node.scalar?.text == "running" { return .running }
        guard node.mapping != nil else {
            context.error(node, "\"state\" is \(node.kindDescription); it must be running or { stoppedSince: DATE }.")
            return nil
        }
        guard let fields = context.fields(node, "the cluster state", known: ["stoppedSince"]),
              let date = fields.required("stoppedSince").flatMap({ context.date($0, "stoppedSince") }) else { return nil }
        return .stopped(since: date)
    }

    /// The keys of a cluster and of a node pool, made once (a fleet has tens of thousands of each).
    private static let clusterKeys = ["name", "managementCluster", "ring", "kubernetesVersion", "window", "dependsOn", "state", "owner", "nodePools"]
    private static let nodePoolKeys = ["name", "os", "imageFamily", "kubernetesVersion", "nodeImage", "nodes", "maxSurge"]

    private static func cluster(_ node: YAMLNode, _ context: DecodingContext) -> WorkloadCluster? {
        guard let fields = context.fields(node, "cluster", named: true, known: clusterKeys) else { return nil }
        let name = fields.required("name").flatMap { context.name($0, "name") }
        let management = reference(fields, "managementCluster", context)
        let ring = reference(fields, "ring", context)
        let versionNode = fields.required("kubernetesVersion")
        let version = versionNode.flatMap { context.kubernetesVersion($0, "kubernetesVersion") }
        let window = reference(fields, "window", context)
        let dependsOn = fields["dependsOn"].map {
            context.list($0, "dependsOn") { item in context.name(item, "dependsOn").map { Reference(name: $0, position: context.position(item)) } }
        } ?? []
        let state = fields["state"].flatMap { clusterState($0, context) } ?? .running
        let owner = fields["owner"].flatMap { context.text($0, "owner") }
        let pools = fields.required("nodePools").map { context.list($0, "nodePools") { nodePool($0, context) } } ?? []
        if let name {
            context.reportDuplicateNames(pools.map { ($0.name, $0.position) }, kind: "node pool", scope: " in cluster \"\(name)\"")
        }
        guard let name, let version else { return nil }
        return WorkloadCluster(name: name, managementCluster: management, ring: ring, kubernetesVersion: version, window: window,
                               dependsOn: dependsOn, state: state, owner: owner, nodePools: pools, position: fields.position,
                               versionPosition: versionNode.map { context.position($0) })
    }

    private static func nodePool(_ node: YAMLNode, _ context: DecodingContext) -> NodePool? {
        guard let fields = context.fields(node, "node pool", named: true, known: nodePoolKeys) else { return nil }
        let name = fields.required("name").flatMap { context.name($0, "name") }
        let os = fields.required("os").flatMap { context.choice($0, "os", as: OperatingSystem.self) }
        let family = reference(fields, "imageFamily", context, required: true)
        let version = fields.required("kubernetesVersion").flatMap { context.kubernetesVersion($0, "kubernetesVersion") }
        let imageNode = fields.required("nodeImage")
        let image = imageNode.flatMap { context.nodeImageVersion($0, "nodeImage") }
        let nodes = fields.required("nodes").flatMap { context.integer($0, "nodes", atLeast: 1) }
        let maxSurge = fields["maxSurge"].map { context.integer($0, "maxSurge", atLeast: 1) } ?? 1
        guard let name, let os, let family, let version, let image, let nodes, let maxSurge else { return nil }
        return NodePool(name: name, os: os, imageFamily: family, kubernetesVersion: version, nodeImage: image,
                        nodes: nodes, maxSurge: maxSurge, position: fields.position, imagePosition: imageNode.map { context.position($0) })
    }
}
