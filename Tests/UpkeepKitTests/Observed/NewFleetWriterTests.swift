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
}
