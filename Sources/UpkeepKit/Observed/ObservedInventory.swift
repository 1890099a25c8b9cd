import Foundation

/// Reads every export under the paths given (files, and `*.json` under folders, in path order) and joins
/// what they say per cluster and pool: one export may give a cluster's version, another its pools. Two exports
/// that disagree about the same fact are an error naming both places; nothing is guessed between them.
public enum ObservedInventory {
    /// The export files under `paths`: each file named, and every `*.json` (`*.JSON` too, as Windows may name it)
    /// under the folders named, in path order.
    public static func exportFiles(under paths: [String], log: DiagnosticLog) -> [String] {
        InputLoader.files(under: paths, log: log, execution: .standard).filter { $0.lowercased().hasSuffix(".json") || paths.contains($0) }
    }

    public static func read(paths: [String], log: DiagnosticLog) -> ObservedFacts {
        read(exportFiles: exportFiles(under: paths, log: log), log: log)
    }

    /// The export files already listed (by `exportFiles(under:log:)`), each read from disk where it is parsed:
    /// the reads of ten thousand files run on every core too.
    public static func read(exportFiles files: [String], log: DiagnosticLog) -> ObservedFacts {
        read(count: files.count, log: log, execution: .standard) { index in
            guard let data = FileManager.default.contents(atPath: files[index]) else {
                return (files[index], nil)
            }
            return (files[index], [UInt8](data))
        }
    }

    /// Exports already in memory, read on every core and joined in path order.
    public static func read(files: [(path: String, bytes: [UInt8])], log: DiagnosticLog,
                            execution: ExecutionOptions = .standard) -> ObservedFacts {
        let sorted = files.sorted(by: { UTF8Order.precedes($0.path, $1.path) })
        return read(count: sorted.count, log: log, execution: execution) { (sorted[$0].path, sorted[$0].bytes) }
    }

    /// `count` files, in order, each loaded by `load` (nil bytes: it cannot be read) and parsed on every core,
    /// then joined in that order. One file at a time goes to whichever core is free: a Resource Graph result of
    /// every cluster is as large as a thousand nodes files.
    private static func read(count: Int, log: DiagnosticLog, execution: ExecutionOptions,
                             load: @Sendable (Int) -> (path: String, bytes: [UInt8]?)) -> ObservedFacts {
        let read = execution.each(count, minimum: 64) { index -> (facts: ObservedFacts, diagnostics: [Diagnostic]) in
            let file = load(index)
            guard let bytes = file.bytes else { return (ObservedFacts(), [Diagnostic(.error, file: file.path, "the file cannot be read.")]) }
            if let cluster = NodeListFastPath.cluster(bytes, path: file.path) {
                var facts = ObservedFacts()
                facts.clusters = [cluster]
                return (facts, [])
            }
            let fileLog = DiagnosticLog()
            return (ObservedExportReader.read(bytes, path: file.path, log: fileLog), fileLog.diagnostics)
        }
        var joined = ObservedFacts()
        var positions: [String: Int] = [:]
        for file in read {
            for diagnostic in file.diagnostics { log.append(diagnostic) }
            for cluster in file.facts.clusters { join(cluster, into: &joined, positions: &positions, log: log) }
            for management in file.facts.managementClusters {
                if let index = joined.managementClusters.firstIndex(where: { $0.name == management.name }) {
                    _ = agree(joined.managementClusters[index].release, management.release, "management cluster \(management.name): release", log)
                } else {
                    joined.managementClusters.append(management)
                }
            }
        }
        return joined
    }

    /// `positions`: each cluster's place in `facts.clusters`, by name.
    static func join(_ cluster: ObservedCluster, into facts: inout ObservedFacts, positions: inout [String: Int], log: DiagnosticLog) {
        guard let index = positions[cluster.name] else {
            positions[cluster.name] = facts.clusters.count
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
