/// A fleet written from what the exports report, for an operator who has none yet: every observed fact in
/// its place — the AKS Arc management clusters an Azure Local export named, with their release — and `FILL-IN` on
/// every field only the operator can decide (the fleet's name, each cluster's management cluster, ring and window,
/// each pool's image family, each management cluster's window, and its last update unless the Azure Local export gives
/// it) and on every fact no export gave.
/// The markers fail `upkeep validate`, each with its line, until they are filled in.
public enum NewFleetWriter {
    public static let marker = "FILL-IN"

    public static func render(_ observed: ObservedFacts, sources: [String]) -> String {
        var lines = [
            "# Written by `upkeep inventory` from \(sources.map(YAMLWriter.quoted).joined(separator: ", ")).",
            "# Every \(marker) is yours to decide or to look up: the exports do not say it. `upkeep validate` names each",
            "# one left. Remove `managementCluster` from a cluster no management cluster runs.",
            "apiVersion: upkeep/v1",
            "kind: Fleet",
            "name: \(marker)",
            observed.managementClusters.isEmpty ? "managementClusters: []" : "managementClusters:",
        ]
        for management in observed.managementClusters {
            // Only an Azure Local instance's solution version names a management cluster: AKS Arc's.
            lines.append("  - name: \(YAMLWriter.quoted(management.name))")
            lines.append("    platform: aks-arc")
            lines.append("    version: \(YAMLWriter.quoted(management.release.value))  # solution version \(YAMLWriter.quoted(management.solutionVersion))")
            lines.append("    lastUpdated: " + (management.lastUpdated.map { "\($0.value)  # LastUpdated (\($0.source.rawValue))" } ?? marker))
            lines.append("    window: \(marker)")
        }
        lines.append(observed.clusters.isEmpty ? "clusters: []" : "clusters:")
        for cluster in observed.clusters {
            lines.append("  - name: \(YAMLWriter.quoted(cluster.name))")
            lines.append("    managementCluster: \(marker)")
            lines.append("    ring: \(marker)")
            lines.append("    window: \(marker)")
            lines.append("    kubernetesVersion: \(cluster.kubernetesVersion.map { $0.value.description } ?? marker)")
            guard !cluster.nodePools.isEmpty else {
                lines.append("    nodePools: []  # \(marker): no export listed its pools")
                continue
            }
            lines.append("    nodePools:")
            for pool in cluster.nodePools {
                lines.append("      - name: \(YAMLWriter.quoted(pool.name))")
                lines.append("        os: \(pool.os?.value.rawValue ?? marker)")
                lines.append("        imageFamily: \(marker)")
                lines.append("        kubernetesVersion: \(pool.kubernetesVersion.map { $0.value.description } ?? marker)")
                lines.append("        nodeImage: \(pool.nodeImage.map { YAMLWriter.quoted($0.value) } ?? marker)")
                lines.append("        nodes: \(pool.nodes.map { String($0.value) } ?? marker)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
