import Foundation
import UpkeepKit

/// Writes what the clusters of a generated fleet would report, for `upkeep inventory` to read: one Azure
/// Resource Graph result with every cluster (its version, and per pool its OS, node count and image) and one
/// `kubectl get nodes -o json` file per cluster (one node per node of each pool, with its kubelet version), in
/// the shapes of the published examples (Tests/UpkeepKitTests/Fixtures/observed/README.md). Invented benchmark data.
enum ExportGenerator {
    /// Reads the fleet file and writes the exports into `folder`; returns the number of files written.
    /// `imagesMoved`: every pool reports the newest image any pool of its OS runs (a month's images applied
    /// everywhere), so that `upkeep inventory --fleet` rewrites most pools.
    static func write(fleet path: String, into folder: String, imagesMoved: Bool = false) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard let root = YAMLReader().read(bytes, path: path, log: DiagnosticLog()).first?.root,
              let clusters = root.mapping?["clusters"]?.sequence?.items else { throw CocoaError(.fileReadCorruptFile) }
        var newest: [String: String] = [:]
        for pool in clusters.flatMap({ $0.mapping?["nodePools"]?.sequence?.items ?? [] }).compactMap(\.mapping) {
            let os = pool["os"]?.scalar?.text ?? "linux", image = pool["nodeImage"]?.scalar?.text ?? ""
            if image > newest[os, default: ""] { newest[os] = image }
        }
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var graph = "{\n  \"totalRecords\": \(clusters.count),\n  \"count\": \(clusters.count),\n  \"resultTruncated\": \"false\",\n  \"facets\": [],\n  \"data\": [\n"
        var written = 0
        for (index, node) in clusters.enumerated() {
            guard let cluster = node.mapping, let name = cluster["name"]?.scalar?.text,
                  let version = cluster["kubernetesVersion"]?.scalar?.text else { continue }
            let pools = cluster["nodePools"]?.sequence?.items.compactMap(\.mapping) ?? []
            let profiles = pools.map { pool in
                let os = pool["os"]?.scalar?.text == "windows" ? "Windows" : "Linux"
                let image = imagesMoved ? newest[pool["os"]?.scalar?.text ?? "linux", default: ""] : pool["nodeImage"]?.scalar?.text ?? ""
                return "{ \"name\": \"\(pool["name"]?.scalar?.text ?? "")\", \"count\": \(pool["nodes"]?.scalar?.text ?? "1"), \"osType\": \"\(os)\", \"nodeImageVersion\": \"\(image)\" }"
            }
            graph += """
                {
                  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/bench/providers/Microsoft.Kubernetes/connectedClusters/\(name)/providers/Microsoft.HybridContainerService/provisionedClusterInstances/default",
                  "name": "default",
                  "type": "microsoft.hybridcontainerservice/provisionedclusterinstances",
                  "properties": { "provisioningState": "Succeeded", "kubernetesVersion": "\(version)", "agentPoolProfiles": [ \(profiles.joined(separator: ", ")) ] }
                }\(index + 1 < clusters.count ? "," : "")

            """
            var nodes: [String] = []
            for pool in pools {
                let poolName = pool["name"]?.scalar?.text ?? ""
                let os = pool["os"]?.scalar?.text ?? "linux"
                let kubelet = pool["kubernetesVersion"]?.scalar?.text ?? version
                for member in 0..<(Int(pool["nodes"]?.scalar?.text ?? "1") ?? 1) {
                    nodes.append("""
                        {
                          "apiVersion": "v1",
                          "kind": "Node",
                          "metadata": { "name": "\(name)-\(poolName)-\(member)", "labels": { "kubernetes.io/os": "\(os)" } },
                          "status": { "nodeInfo": { "kubeletVersion": "v\(kubelet)", "operatingSystem": "\(os)", "osImage": "\(os == "windows" ? "Windows Server 2022 Datacenter" : "CBL-Mariner/Linux")", "containerRuntimeVersion": "containerd://1.6.26" } }
                        }
                    """)
                }
            }
            try FileManager.default.createDirectory(atPath: "\(folder)/\(name)", withIntermediateDirectories: true)
            let list = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"metadata\": { \"resourceVersion\": \"\" },\n  \"items\": [\n\(nodes.joined(separator: ",\n"))\n  ]\n}\n"
            try Data(list.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)/nodes.json"))
            written += 1
        }
        graph += "  ]\n}\n"
        try Data(graph.utf8).write(to: URL(fileURLWithPath: "\(folder)/resource-graph.json"))
        return written + 1
    }
}
