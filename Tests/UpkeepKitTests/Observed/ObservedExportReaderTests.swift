import Foundation
import Testing
@testable import UpkeepKit

/// The observed-state exports `upkeep inventory` reads, each recognised from its content: the recorded
/// examples in Fixtures/observed/ (README.md names each one's source) give the facts they hold; hostile names
/// stay names; malformed ones give one located error per problem.
@Suite("Observed exports")
struct ObservedExportReaderTests {
    static func read(_ name: String) throws -> (ObservedFacts, DiagnosticLog) {
        let url = TestSupport.fixtures.appendingPathComponent("observed/\(name)")
        let bytes = Array(try Data(contentsOf: url))
        let log = DiagnosticLog()
        return (ObservedExportReader.read(bytes, path: "observed/\(name)", log: log), log)
    }

    static func version(_ text: String) -> KubernetesVersion? { KubernetesVersion(parsing: text) }

    @Test func azShowGivesTheClusterItsVersionAndItsPools() throws {
        let (facts, log) = try Self.read("arc-show.json")
        #expect(log.diagnostics.isEmpty)
        let cluster = try #require(facts.clusters.first)
        #expect(facts.clusters.count == 1 && cluster.name == "factory-prod", "the name comes from the connected cluster in the resource id")
        #expect(cluster.kubernetesVersion?.value == Self.version("1.29.13") && cluster.kubernetesVersion?.source == .arcClusters)
        #expect(cluster.kubernetesVersion?.position == SourcePosition(path: "observed/arc-show.json", line: 12, column: 26))
        let pool = try #require(cluster.nodePools.first)
        #expect(pool.name == "system" && pool.os?.value == .linux && pool.nodes?.value == 3 && pool.nodeImage?.value == "202508.29.0")
        #expect(pool.kubernetesVersion == nil, "the profile gives no pool version, and none is guessed")
    }

    @Test func azListAndResourceGraphGiveEveryCluster() throws {
        let (list, listLog) = try Self.read("arc-list.json")
        #expect(listLog.diagnostics.isEmpty)
        #expect(list.clusters.map(\.name) == ["analytics-dev", "line-control-prod"])
        #expect(list.clusters.map { $0.nodePools.map(\.name) } == [["system", "gpu"], ["system"]])
        let (graph, graphLog) = try Self.read("resource-graph.json")
        #expect(graphLog.diagnostics.isEmpty)
        #expect(graph.clusters.map(\.name) == ["factory-prod", "quality-staging"])
        #expect(graph.clusters.map { $0.kubernetesVersion?.value } == [Self.version("1.29.13"), Self.version("1.30.9")])
        #expect(graph.clusters.allSatisfy { $0.kubernetesVersion?.source == .resourceGraph })
    }

    @Test func nodePoolListsGiveEachPoolToItsCluster() throws {
        let (facts, log) = try Self.read("arc-nodepools.json")
        #expect(log.diagnostics.isEmpty)
        let cluster = try #require(facts.clusters.first)
        #expect(facts.clusters.count == 1 && cluster.name == "analytics-dev" && cluster.kubernetesVersion == nil)
        #expect(cluster.nodePools.map(\.name) == ["system", "gpu"])
        #expect(cluster.nodePools[0].nodeImage?.value == "202510.22.0" && cluster.nodePools[0].nodes?.value == 3)
        #expect(cluster.nodePools[1].kubernetesVersion?.value == Self.version("1.30.14") && cluster.nodePools[1].nodes?.value == 2)
        #expect(cluster.nodePools.allSatisfy { $0.os?.source == .arcNodePools })
    }

    @Test func aksHybridClustersAndPoolsGiveTheirFacts() throws {
        let (clusters, clustersLog) = try Self.read("akshci-clusters.json")
        #expect(clustersLog.diagnostics.isEmpty)
        #expect(clusters.clusters.map(\.name) == ["platform-services-prod", "payments-prod"])
        #expect(clusters.clusters.map { $0.kubernetesVersion?.value } == [Self.version("1.28.5"), Self.version("1.27.9")])
        #expect(clusters.clusters.map { $0.nodePools.map(\.name) } == [["system"], ["system", "win"]])
        let (pools, poolsLog) = try Self.read("akshci-nodepools.json")
        #expect(poolsLog.diagnostics.isEmpty)
        let payments = try #require(pools.clusters.first)
        #expect(pools.clusters.count == 1 && payments.name == "payments-prod")
        #expect(payments.nodePools.map { $0.os?.value } == [.linux, .windows])
        #expect(payments.nodePools.map { $0.nodes?.value } == [3, 8])
        #expect(payments.nodePools.allSatisfy { $0.kubernetesVersion?.value == Self.version("1.27.9") && $0.kubernetesVersion?.source == .aksHciNodePools })
    }

    /// One list of the pools of several clusters, in any order: each pool goes to its own cluster, the clusters in
    /// the order the list first names them.
    @Test func aListOfThePoolsOfSeveralClustersGivesEachItsOwn() {
        let entry = { (cluster: String, pool: String) in #"{ "ClusterName": "\#(cluster)", "NodePoolName": "\#(pool)", "Version": "v1.27.9", "OsType": "Linux", "NodeCount": 1 }"# }
        let text = "[" + [entry("b", "one"), entry("a", "one"), entry("b", "two"), entry("a", "two"), entry("b", "three")].joined(separator: ",\n") + "]"
        let log = DiagnosticLog()
        let facts = ObservedExportReader.read(Array(text.utf8), path: "pools.json", log: log)
        #expect(log.diagnostics.isEmpty)
        #expect(facts.clusters.map(\.name) == ["b", "a"])
        #expect(facts.clusters.map { $0.nodePools.map(\.name) } == [["one", "two", "three"], ["one", "two"]])
    }

    @Test func hostileNamesStayNames() throws {
        let (facts, log) = try Self.read("hostile.json")
        #expect(log.diagnostics.isEmpty)
        let cluster = try #require(facts.clusters.first)
        #expect(cluster.name == "a|b\"<script>alert(1)<\\script>")
        #expect(cluster.nodePools.map(\.name) == ["../../etc/passwd", "pool \u{202E}ünïcode"])
    }

    @Test func anUnknownExportIsOneLocatedErrorNamingTheKnownOnes() throws {
        let (facts, log) = try Self.read("malformed-unknown.json")
        #expect(facts.clusters.isEmpty)
        #expect(log.diagnostics.count == 1)
        let error = try #require(log.diagnostics.first)
        #expect(error.severity == .error && error.path == "observed/malformed-unknown.json" && error.line == 1 && error.column == 1)
        #expect(error.message.contains("no export Upkeep reads") && error.message.contains("az aksarc show") && error.message.contains("Get-AksHciCluster"))
    }

    @Test func eachMalformedFieldIsOneLocatedError() throws {
        let (_, log) = try Self.read("malformed-version.json")
        #expect(log.errorCount == 1 && log.diagnostics.first?.line == 2)
        #expect(log.diagnostics.first?.message.contains("\"KubernetesVersion\" is \"one point twenty-eight\"") == true)
        let (_, poolLog) = try Self.read("malformed-pool.json")
        let errors = poolLog.sorted.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(poolLog.errorCount == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("2:") && $0.contains("\"OsType\" is \"Solaris\"") })
        #expect(errors.contains { $0.hasPrefix("2:") && $0.contains("\"NodeCount\" must be a whole number") })
        let (missing, missingLog) = try Self.read("malformed-missing.json")
        let messages = missingLog.sorted.map(\.message)
        #expect(missingLog.errorCount == 2, "\(messages)")
        #expect(messages.contains { $0.contains("has no \"properties.kubernetesVersion\"") && $0.contains("factory-prod") })
        #expect(messages.contains { $0.contains("\"properties.agentPoolProfiles\" must be a list") })
        #expect(missing.clusters.first?.kubernetesVersion == nil)
    }

    @Test func aFileMixingKindsReportsTheOddEntry() {
        let log = DiagnosticLog()
        let text = """
        [ { "Name": "a", "KubernetesVersion": "v1.28.5" },
          { "ClusterName": "a", "NodePoolName": "p", "Version": "v1.28.5" } ]
        """
        let facts = ObservedExportReader.read(Array(text.utf8), path: "mixed.json", log: log)
        #expect(facts.clusters.map(\.name) == ["a"] && facts.clusters.first?.nodePools.isEmpty == true)
        #expect(log.errorCount == 1 && log.diagnostics.first?.line == 2 && log.diagnostics.first?.message.contains("one file holds one kind") == true)
    }
}
