import Foundation
import Testing
@testable import UpkeepKit

/// `make feeds`: releases/kubernetes.yaml is made from the published files in upstream/kubernetes/.
@Suite("The Kubernetes feed generator")
struct KubernetesFeedGeneratorTests {
    /// The arguments `make feeds` gives upkeep, read from the Makefile.
    static func makeFeedsArguments() throws -> [String] {
        let makefile = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let line = try #require(makefile.split(separator: "\n").first { $0.hasPrefix("KUBERNETES_FEED_COMMAND = ") })
        return line.dropFirst("KUBERNETES_FEED_COMMAND = ".count).split(separator: " ").map(String.init)
    }

    @Test func theShippedFeedIsWhatMakeFeedsWrites() throws {
        var arguments = try Self.makeFeedsArguments()
        let outputIndex = try #require(arguments.firstIndex(of: "-o"))
        #expect(arguments[outputIndex + 1] == "releases/kubernetes.yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("kubernetes.yaml")
        arguments[outputIndex + 1] = written.path
        let run = try ValidateCommandTests.upkeep(arguments)
        #expect(run.status == 0, "\(run.output)")
        let shipped = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("releases/kubernetes.yaml"), encoding: .utf8)
        let regenerated = try String(contentsOf: written, encoding: .utf8)
        #expect(regenerated == shipped, "releases/kubernetes.yaml differs from what `make feeds` writes: run `make feeds`")
    }

    static let schedule = """
        # Source: invented for this test
        schedules:
          - release: "1.30"
            releaseDate: 2024-04-17
            maintenanceModeStartDate: 2025-04-28
            endOfLifeDate: 2025-06-28
            next: { release: 1.30.3, targetDate: 2024-07-16 }
            previousPatches:
              - { release: 1.30.2, targetDate: 2024-06-11 }
              - { release: 1.30.1, targetDate: 2024-05-14 }
          - release: "1.22"
            releaseDate: 2021-08-04
            endOfLifeDate: 2022-10-28
        """
    static let endOfLife = """
        # Source: invented for this test
        branches:
          - { release: "1.30", endOfLifeDate: "2025-07-15", finalPatchRelease: 1.30.14 }
        """

    @Test func theActualEndOfLifeWinsAndOnlyReleasedPatchesAreListed() throws {
        let log = DiagnosticLog()
        let oldest = try #require(KubernetesMinor(parsing: "1.24"))
        let result = try #require(KubernetesFeedGenerator.generate(files: [("schedule.yaml", Array(Self.schedule.utf8)), ("eol.yaml", Array(Self.endOfLife.utf8))],
                                                                   fromMinor: oldest, log: log))
        #expect(log.errorCount == 0, "\(TestSupport.messages(log))")
        #expect(result.minors == 1)  // 1.22 is older than --from-minor
        #expect(result.text.contains("    endOfLife: 2025-07-15   # eol.yaml, actual"))
        #expect(result.text.contains("      - { version: 1.30.1, released: 2024-05-14 }"))
        #expect(!result.text.contains("1.30.3"))  // the schedule's `next` is a plan, not a release
        #expect(result.text.contains("#   - eol.yaml: invented for this test"))
        // What it writes reads back as a valid feed.
        let (inputs, readLog) = TestSupport.load(["kubernetes.yaml": result.text], strict: true)
        #expect(readLog.diagnostics.isEmpty && inputs.kubernetesFeeds.first?.minors.count == 1)
    }

    @Test func sourcesWithoutKubernetesDataAreAnError() {
        let log = DiagnosticLog()
        #expect(KubernetesFeedGenerator.generate(files: [("other.yaml", Array("# nothing\nfoo: 1\n".utf8))],
                                                 fromMinor: KubernetesMinor(parsing: "1.24")!, log: log) == nil)
        #expect(log.errorCount > 0)
    }
}
