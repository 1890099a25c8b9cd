import Foundation

/// Reads every export under the paths given (files, and `*.json` under folders, in path order) and joins
/// what they say per cluster and pool: one export may give a cluster's version, another its pools. Two exports
/// that disagree about the same fact are an error naming both places; nothing is guessed between them.
public enum ObservedInventory {
    public static func read(paths: [String], log: DiagnosticLog) -> ObservedFacts {
        var files: [(path: String, bytes: [UInt8])] = []
        for path in InputLoader.files(under: paths, log: log) where path.hasSuffix(".json") || paths.contains(path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                log.append(Diagnostic(.error, file: path, "the file cannot be read."))
                continue
            }
            files.append((path, [UInt8](data)))
        }
        return read(files: files, log: log)
    }

    /// Exports already in memory, joined in path order.
    public static func read(files: [(path: String, bytes: [UInt8])], log: DiagnosticLog) -> ObservedFacts {
        var joined = ObservedFacts()
        for file in files.sorted(by: { UTF8Order.precedes($0.path, $1.path) }) {
            let facts = ObservedExportReader.read(file.bytes, path: file.path, log: log)
            for cluster in facts.clusters { join(cluster, into: &joined, log: log) }
        }
        return joined
    }

    static func join(_ cluster: ObservedCluster, into facts: inout ObservedFacts, log: DiagnosticLog) {
        guard let index = facts.clusters.firstIndex(where: { $0.name == cluster.name }) else {
            facts.clusters.append(cluster)
            return
        }
        let what = "cluster \(cluster.name)"
        facts.clusters[index].kubernetesVersion = agree(facts.clusters[index].kubernetesVersion, cluster.kubernetesVersion, "\(what): kubernetesVersion", log)
        facts.clusters[index].kubeletVersions = agree(facts.clusters[index].kubeletVersions, cluster.kubeletVersions, "\(what): kubelet versions", log)
        for pool in cluster.nodePools {
            guard let known = facts.clusters[index].nodePools.firstIndex(where: { $0.name == pool.name }) else {
                facts.clusters[index].nodePools.append(pool)
                continue
            }
            let poolWhat = "\(what), node pool \(pool.name)"
            var merged = facts.clusters[index].nodePools[known]
            merged.os = agree(merged.os, pool.os, "\(poolWhat): os", log)
            merged.kubernetesVersion = agree(merged.kubernetesVersion, pool.kubernetesVersion, "\(poolWhat): kubernetesVersion", log)
            merged.nodeImage = agree(merged.nodeImage, pool.nodeImage, "\(poolWhat): nodeImage", log)
            merged.nodes = agree(merged.nodes, pool.nodes, "\(poolWhat): nodes", log)
            facts.clusters[index].nodePools[known] = merged
        }
    }

    /// The fact both exports give (the first when they agree, or only one gives it); an error when they differ.
    static func agree<Value: Equatable>(_ first: ObservedFact<Value>?, _ second: ObservedFact<Value>?, _ what: String,
                                        _ log: DiagnosticLog) -> ObservedFact<Value>? {
        guard let first else { return second }
        guard let second, second.value != first.value else { return first }
        log.error(second.position, "\(what) is \(second.value) here (\(second.source.rawValue)) but \(first.value) in \(first.position) (\(first.source.rawValue)); export both again at the same time.")
        return first
    }
}
