/// AKS Arc's exports (`az aksarc show`/`list`, `az aksarc nodepool list`, a Resource Graph result): Azure
/// resources whose facts are under `properties` (the REST API's shape) or at the top (flattened, as some
/// `az` output and Microsoft's examples print them); both are read.
enum ArcExportDecoder {
    /// A provisioned cluster instance: its cluster's name (from its resource id, `…/connectedClusters/NAME/…`,
    /// else `name`), its Kubernetes version and its agent pool profiles.
    static func cluster(_ node: YAMLNode, source: ObservedExportKind, context: DecodingContext) -> ObservedCluster? {
        guard let mapping = node.mapping else { return nil }
        guard let name = clusterName(mapping, context: context) else { return nil }
        var cluster = ObservedCluster(name: name, position: context.position(node))
        let properties = mapping["properties"]?.mapping ?? mapping
        if let version = properties["kubernetesVersion"] {
            cluster.kubernetesVersion = ObservedValue.kubernetes(version, field: "properties.kubernetesVersion", source: source, context: context)
        } else {
            context.error(node, "the cluster \"\(name)\" has no \"properties.kubernetesVersion\": Upkeep needs the version the cluster runs.")
        }
        if let profiles = properties["agentPoolProfiles"] {
            guard let list = profiles.sequence else {
                context.error(profiles, "\"properties.agentPoolProfiles\" must be a list of agent pools, not \(profiles.kindDescription).")
                return cluster
            }
            cluster.nodePools = list.items.compactMap { pool(profile: $0, source: source, context: context) }
        }
        return cluster
    }

    /// An agent pool listed on its own (`az aksarc nodepool list`), with its cluster's name.
    static func nodePool(_ node: YAMLNode, context: DecodingContext) -> (cluster: String, pool: ObservedNodePool)? {
        guard let mapping = node.mapping, let id = mapping["id"]?.scalar?.text, let cluster = segment(after: "connectedclusters", in: id) else {
            context.error(node, "the agent pool has no resource \"id\" naming its cluster (…/connectedClusters/NAME/…), so Upkeep cannot tell whose pool it is.")
            return nil
        }
        var flattened = mapping
        if let properties = mapping["properties"]?.mapping {
            flattened.entries = mapping.entries.filter { $0.key.text == "name" } + properties.entries
        }
        guard let pool = pool(profile: .mapping(flattened), source: .arcNodePools, context: context) else { return nil }
        return (cluster, pool)
    }

    /// One agent pool: `name`, `osType`, `count`, `nodeImageVersion`, and `orchestratorVersion` or
    /// `kubernetesVersion` when the export gives one.
    static func pool(profile node: YAMLNode, source: ObservedExportKind, context: DecodingContext) -> ObservedNodePool? {
        guard let mapping = node.mapping else {
            context.error(node, "an agent pool must be a mapping of keys and values, not \(node.kindDescription).")
            return nil
        }
        guard let nameNode = mapping["name"], let name = context.name(nameNode, "name") else {
            context.error(node, "the agent pool has no \"name\": Upkeep matches pools by name.")
            return nil
        }
        var pool = ObservedNodePool(name: name, position: context.position(node))
        pool.os = mapping["osType"].flatMap { ObservedValue.os($0, field: "osType", source: source, context: context) }
        pool.nodes = mapping["count"].flatMap { ObservedValue.nodes($0, field: "count", source: source, context: context) }
        if let image = mapping["nodeImageVersion"], let text = context.text(image, "nodeImageVersion") {
            pool.nodeImage = ObservedFact(text, source: source, position: context.position(image))
        }
        for field in ["orchestratorVersion", "kubernetesVersion"] {
            guard pool.kubernetesVersion == nil, let version = mapping[field] else { continue }
            pool.kubernetesVersion = ObservedValue.kubernetes(version, field: field, source: source, context: context)
        }
        return pool
    }

    private static func clusterName(_ mapping: YAMLMapping, context: DecodingContext) -> String? {
        if let id = mapping["id"]?.scalar?.text, let name = segment(after: "connectedclusters", in: id) { return name }
        if let node = mapping["name"] { return context.name(node, "name") }
        context.error(.mapping(mapping), "the cluster has neither a resource \"id\" nor a \"name\": Upkeep matches clusters by name.")
        return nil
    }

    /// The path segment after `key` (lower case; compared without case) in an Azure resource id. Bytes are compared
    /// in place: splitting ten thousand ids into strings would cost more than reading the file.
    static func segment(after key: String, in id: String) -> String? {
        let key = Array(key.utf8)
        var id = id
        return id.withUTF8 { bytes -> String? in
            var index = 0
            while index < bytes.count {
                // A segment starts at the beginning or after a slash.
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "/") { index += 1 }
                let length = index - start
                index += 1
                guard length == key.count, (0..<length).allSatisfy({ lowercased(bytes[start + $0]) == key[$0] }) else { continue }
                let value = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "/") { index += 1 }
                return index > value ? String(decoding: UnsafeBufferPointer(rebasing: bytes[value..<index]), as: UTF8.self) : nil
            }
            return nil
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
