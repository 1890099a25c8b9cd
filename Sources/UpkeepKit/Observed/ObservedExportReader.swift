/// Reads one exported file into observed facts: recognises its kind from its content, then takes the
/// facts that kind gives. A file that is none of the known kinds, or misses what Upkeep needs, is one
/// located error naming the file and the field; nothing from it is used.
public enum ObservedExportReader {
    public static func read(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> ObservedFacts {
        let documents = YAMLReader().read(bytes, path: path, log: log)
        var facts = ObservedFacts()
        guard let document = documents.first else {
            if log.errorCount == 0 { log.error(SourcePosition(path: path, line: 1, column: 1), "the file is empty: it is no export Upkeep reads (\(knownKinds)).") }
            return facts
        }
        let context = DecodingContext(document: document, log: log)
        let items = entries(of: document.root)
        let graph = isGraphResult(document.root)
        guard let first = items.first else {
            context.error(document.root, "the export lists nothing: no cluster or node pool to read.")
            return facts
        }
        guard let kind = kind(of: first, inGraphResult: graph) else {
            context.error(first, "this is no export Upkeep reads: expected one of \(knownKinds).")
            return facts
        }
        if kind == .kubectlNodes {
            if let cluster = KubectlNodesDecoder.cluster(items, path: path, context: context) { facts.clusters.append(cluster) }
            return facts
        }
        var poolClusters: [String: Int] = [:]  // where each cluster of a node pool list is in `facts.clusters`
        for item in items {
            guard let itemKind = self.kind(of: item, inGraphResult: graph), sameFamily(itemKind, kind) else {
                context.error(item, "this entry is not \(kind.rawValue) output like the first entry of the file; one file holds one kind of export.")
                continue
            }
            switch itemKind {
            case .arcClusters, .resourceGraph:
                if let cluster = ArcExportDecoder.cluster(item, source: kind, context: context) { facts.clusters.append(cluster) }
            case .arcNodePools:
                if let (cluster, pool) = ArcExportDecoder.nodePool(item, context: context) { facts.add(pool, to: cluster, positions: &poolClusters) }
            case .aksHciClusters:
                if let cluster = AksHciExportDecoder.cluster(item, context: context) { facts.clusters.append(cluster) }
            case .aksHciNodePools:
                if let (cluster, pool) = AksHciExportDecoder.nodePool(item, context: context) { facts.add(pool, to: cluster, positions: &poolClusters) }
            case .kubectlVersion:
                if let cluster = kubectlVersion(item, path: path, context: context) { facts.clusters.append(cluster) }
            case .kubectlNodes:
                break  // read whole above
            case .azureLocalSolution:
                if let management = azureLocalSolution(item, path: path, context: context) { facts.managementClusters.append(management) }
            }
        }
        return facts
    }

    static let knownKinds = ObservedExportKind.allCases.map { "`\($0.command)`" }.joined(separator: ", ")

    /// The entries of an export: a list, an Azure list result (`value`), a Resource Graph result (`data`), or
    /// one object.
    static func entries(of root: YAMLNode) -> [YAMLNode] {
        switch root {
        case .sequence(let sequence): return sequence.items
        case .mapping(let mapping):
            if let data = mapping["data"]?.sequence, mapping["type"] == nil { return data.items }
            if let value = mapping["value"]?.sequence, mapping["type"] == nil { return value.items }
            if let items = mapping["items"]?.sequence, ["List", "NodeList"].contains(mapping["kind"]?.scalar?.text ?? "") { return items.items }
            return [root]
        case .scalar: return [root]
        }
    }

    /// A Resource Graph result: the rows under `data`, with the counts `az graph query` gives beside them
    /// (`totalRecords` or `total_records`, `count`, `skip_token`). The rows themselves look like `az aksarc show`.
    static func isGraphResult(_ root: YAMLNode) -> Bool {
        guard let mapping = root.mapping, mapping["data"]?.sequence != nil else { return false }
        return ["totalRecords", "total_records", "count", "skip_token", "\u{24}skipToken", "resultTruncated"].contains { mapping[$0] != nil }
    }

    /// The kind of one entry, from the keys and the Azure resource type it has, and whether it is a row of a
    /// Resource Graph result (the type's letter case tells nothing: `az aksarc show` may write it in lower case too).
    static func kind(of node: YAMLNode, inGraphResult graph: Bool = false) -> ObservedExportKind? {
        guard let mapping = node.mapping else { return nil }
        if let type = mapping["type"]?.scalar?.text.lowercased() {
            if type.hasSuffix("/provisionedclusterinstances/agentpools") { return .arcNodePools }
            if type.hasSuffix("/provisionedclusterinstances") { return graph ? .resourceGraph : .arcClusters }
            return nil
        }
        if mapping["NodePoolName"] != nil && mapping["ClusterName"] != nil { return .aksHciNodePools }
        if mapping["serverVersion"] != nil || mapping["clientVersion"] != nil { return .kubectlVersion }
        if mapping["kind"]?.scalar?.text == "Node" { return .kubectlNodes }
        if mapping["CurrentVersion"] != nil && (mapping["SbeFamily"] != nil || mapping["PackageVersions"] != nil || mapping["HealthState"] != nil) {
            return .azureLocalSolution
        }
        if mapping["Name"] != nil && mapping["KubernetesVersion"] != nil { return .aksHciClusters }
        return nil
    }

    /// `kubectl version -o json`: the server's version, for the cluster the file or its folder is named after.
    static func kubectlVersion(_ node: YAMLNode, path: String, context: DecodingContext) -> ObservedCluster? {
        guard let server = node.mapping?["serverVersion"] else {
            context.error(node, "the kubectl version output has no \"serverVersion\" (it was made without a connection to the cluster): run `kubectl version -o json` against the cluster.")
            return nil
        }
        guard let gitVersion = server.mapping?["gitVersion"] else {
            context.error(server, "\"serverVersion\" has no \"gitVersion\".")
            return nil
        }
        var cluster = ObservedCluster(name: clusterName(fromPath: path), position: context.position(node))
        cluster.kubernetesVersion = ObservedValue.kubernetes(gitVersion, field: "serverVersion.gitVersion", source: .kubectlVersion, context: context)
        return cluster
    }

    /// An Azure Local instance's solution version, for the management cluster the file or its folder is named after.
    static func azureLocalSolution(_ node: YAMLNode, path: String, context: DecodingContext) -> ObservedManagementCluster? {
        guard let current = node.mapping?["CurrentVersion"], let text = context.text(current, "CurrentVersion") else { return nil }
        let parts = text.split(separator: ".")
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
            context.error(current, "\"CurrentVersion\" is \"\(text)\", which is not an Azure Local solution version (like 10.2408.0.29).")
            return nil
        }
        var management = ObservedManagementCluster(name: clusterName(fromPath: path),
                                                   release: ObservedFact(String(parts[1]), source: .azureLocalSolution, position: context.position(current)),
                                                   solutionVersion: text)
        if let node = node.mapping?["LastUpdated"], let day = SolutionUpdateDate.day(of: node) {
            management.lastUpdated = ObservedFact(day.description, source: .azureLocalSolution, position: context.position(node))
        } else if let node = node.mapping?["LastUpdated"], let value = node.scalar?.text, !value.isEmpty, node.scalar?.isNull != true {
            context.error(node, "\"LastUpdated\" is \"\(value)\", which is no date PowerShell writes (\"/Date(MILLISECONDS)/\", an ISO 8601 date and time, or M/D/YYYY).")
        }
        return management
    }

    /// The cluster a file names by where it is: its own name without the extension, or its folder's name when
    /// the file is `version.json` or `nodes.json` inside a folder named after the cluster.
    static func clusterName(fromPath path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let file = parts.last.map(String.init) ?? path
        let stem = file.hasSuffix(".json") ? String(file.dropLast(5)) : file
        if ["version", "nodes", "solution"].contains(stem), parts.count >= 2 { return String(parts[parts.count - 2]) }
        return stem
    }

    private static func sameFamily(_ a: ObservedExportKind, _ b: ObservedExportKind) -> Bool {
        a == b || ([a, b].allSatisfy { $0 == .arcClusters || $0 == .resourceGraph })
    }
}

extension ObservedFacts {
    /// Adds a pool reported on its own to its cluster (made when the file named no cluster before it).
    /// `positions`: each cluster's place in `clusters`, by name (a list of every pool of a fleet names thousands).
    mutating func add(_ pool: ObservedNodePool, to cluster: String, positions: inout [String: Int]) {
        if let index = positions[cluster] {
            clusters[index].nodePools.append(pool)
        } else {
            var observed = ObservedCluster(name: cluster, position: pool.position)
            observed.nodePools = [pool]
            positions[cluster] = clusters.count
            clusters.append(observed)
        }
    }
}
