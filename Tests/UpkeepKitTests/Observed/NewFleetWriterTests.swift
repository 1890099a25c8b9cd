import Foundation
import Testing
@testable import UpkeepKit

/// A new fleet from the exports: every observed fact in its place, every operator decision marked, hostile names
/// written so that they read back as the same names.
@Suite("New fleet writer")
struct NewFleetWriterTests {
    @Test func hostileNamesReadBackAsTheSameNames() throws {
        let (facts, _) = try ObservedExportReaderTests.read("hostile.json")
        let text = NewFleetWriter.render(facts, sources: ["observed/hostile.json"])
        let log = DiagnosticLog()
        let document = try #require(YAMLReader().read(text, path: "new.yaml", log: log).first)
        #expect(log.diagnostics.isEmpty)
        let cluster = try #require(document.root.mapping?["clusters"]?.sequence?.items.first?.mapping)
        #expect(cluster["name"]?.scalar?.text == "a|b\"<script>alert(1)<\\script>")
        let pools = cluster["nodePools"]?.sequence?.items.compactMap { $0.mapping?["name"]?.scalar?.text }
        #expect(pools == ["../../etc/passwd", "pool \u{202E}ünïcode"])
        #expect(cluster["window"]?.scalar?.text == NewFleetWriter.marker && cluster["ring"]?.scalar?.text == NewFleetWriter.marker)
    }

    @Test func everyFactNoExportGaveIsMarked() throws {
        let (facts, _) = try ObservedExportReaderTests.read("akshci-clusters.json")
        let text = NewFleetWriter.render(facts, sources: ["x"])
        // Get-AksHciCluster gives pool names only: each pool's OS, version, image and node count are to fill in.
        #expect(text.contains("""
              - name: "win"
                os: FILL-IN
                imageFamily: FILL-IN
                kubernetesVersion: FILL-IN
                nodeImage: FILL-IN
                nodes: FILL-IN
        """))
        #expect(text.contains("    kubernetesVersion: 1.27.9\n"))
    }

    /// An Azure Local export names an AKS Arc management cluster: the new fleet has it, with its release, and
    /// marks its window and last update; the sources in the header comment are quoted (a path is any text).
    @Test func aReportedManagementClusterIsWrittenWithItsRelease() throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("examples/observed/arc-local/solution.json")
        let log = DiagnosticLog()
        let facts = ObservedInventory.read(files: [("observed/arc-local/solution.json", Array(try Data(contentsOf: folder)))], log: log)
        #expect(log.diagnostics.isEmpty)
        let text = NewFleetWriter.render(facts, sources: ["observed\u{2028}x: 1"])
        let readLog = DiagnosticLog()
        let document = try #require(YAMLReader().read(text, path: "new.yaml", log: readLog).first)
        #expect(readLog.diagnostics.isEmpty, "\(readLog.sorted)")
        #expect(document.root.mapping?["x"] == nil, "the path stays inside its comment")
        let management = try #require(document.root.mapping?["managementClusters"]?.sequence?.items.first?.mapping)
        #expect(management["name"]?.scalar?.text == "arc-local" && management["platform"]?.scalar?.text == "aks-arc")
        #expect(management["version"]?.scalar?.text == "2508")
        // The export's LastUpdated (Windows PowerShell's /Date(…)/ of 2025-09-07) is the last update; the window is the operator's.
        #expect(management["window"]?.scalar?.text == NewFleetWriter.marker && management["lastUpdated"]?.scalar?.text == "2025-09-07")
    }
}
