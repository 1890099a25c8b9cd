import Foundation
import Testing

/// `upkeep inventory` and `upkeep check --observed` on the sample fleet and its observed folder, with the built binary.
@Suite("upkeep inventory and check --observed, end to end")
struct InventoryCommandTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-inventory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of examples/observed with one text replaced in one export.
    static func observedCopy(replacing old: String, with new: String, in file: String) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("observed")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("examples/observed"), to: folder)
        let url = folder.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        return folder
    }

    @Test func anUnchangedExportLeavesTheFleetAsItIs() throws {
        let output = try Self.temporaryFolder().appendingPathComponent("fleet.yaml")
        let run = try ValidateCommandTests.upkeep(["inventory", "examples/observed", "--fleet", "examples/fleet.yaml", "-o", output.path])
        #expect(run.status == 0 && run.output == "no observed fact differs from examples/fleet.yaml\n")
        #expect(try Data(contentsOf: output) == Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("examples/fleet.yaml")))
    }

    @Test func aNewVersionIsOneLineAndOneValueChanged() throws {
        let observed = try Self.observedCopy(replacing: #""KubernetesVersion": "v1.28.5""#, with: #""KubernetesVersion": "v1.29.2""#, in: "aks-hybrid-clusters.json")
        let output = observed.deletingLastPathComponent().appendingPathComponent("fleet.yaml")
        let run = try ValidateCommandTests.upkeep(["inventory", observed.path, "--fleet", "examples/fleet.yaml", "-o", output.path])
        #expect(run.status == 0)
        #expect(run.output == "platform-services-prod: kubernetesVersion 1.28.5 → 1.29.2 (Get-AksHciCluster)\n")
        let before = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("examples/fleet.yaml"), encoding: .utf8)
        let after = try String(contentsOf: output, encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "name: platform-services-prod\n    managementCluster: mgmt-east\n    ring: prod\n    kubernetesVersion: 1.28.5",
                                                      with: "name: platform-services-prod\n    managementCluster: mgmt-east\n    ring: prod\n    kubernetesVersion: 1.29.2"))
        #expect(after != before)
    }

    @Test func itNeverWritesOverTheFleetAndWritesNothingFromABrokenExport() throws {
        let over = try ValidateCommandTests.upkeep(["inventory", "examples/observed", "--fleet", "examples/fleet.yaml", "-o", "examples/fleet.yaml"])
        #expect(over.status == 1 && over.output.contains("examples/fleet.yaml is one of the inputs"))
        let output = try Self.temporaryFolder().appendingPathComponent("fleet.yaml")
        let broken = try ValidateCommandTests.upkeep(["inventory", "Tests/UpkeepKitTests/Fixtures/observed/malformed-version.json", "-o", output.path])
        #expect(broken.status == 1 && broken.output.contains("malformed-version.json:2:"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aNewFleetMarksWhatTheOperatorMustFillIn() throws {
        let run = try ValidateCommandTests.upkeep(["inventory", "examples/observed"])
        #expect(run.status == 0)
        #expect(run.output.contains("  - name: \"store-edge\"\n    managementCluster: FILL-IN\n    ring: FILL-IN\n    window: FILL-IN\n    kubernetesVersion: 1.32.0\n"))
        #expect(run.output.contains("a new fleet of 8 clusters; fill in every FILL-IN"))
    }

    @Test func checkFailsOnAStaleInventoryInEveryFormat() throws {
        let own = try ValidateCommandTests.upkeep(["check", "releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-11-17", "--observed", "examples/observed"])
        #expect(!own.output.contains("inventory-drift"), "the sample fleet agrees with its own exports")
        let observed = try Self.observedCopy(replacing: #""KubernetesVersion": "v1.28.5""#, with: #""KubernetesVersion": "v1.29.2""#, in: "aks-hybrid-clusters.json")
        for format in ["text", "github", "sarif"] {
            let run = try ValidateCommandTests.upkeep(["check", "releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-11-17",
                                                       "--observed", observed.path, "--format", format])
            #expect(run.status == 3)
            let lines = TestSupport.unfolded(run.output).split(separator: "\n").filter { $0.contains("kubernetesVersion 1.28.5 → 1.29.2") }
            #expect(lines.count == 1, "\(format): \(lines)")
            #expect(lines.first?.contains("platform-services-prod") == true)
        }
        let github = try ValidateCommandTests.upkeep(["check", "releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-11-17",
                                                      "--observed", observed.path, "--format", "github"])
        #expect(github.output.hasPrefix("::error file=examples/fleet.yaml,line=37,col=24,title=inventory-drift::"))
    }

    /// The sample fleet fails the gate on its own (it is made to show problems), so the exit codes are shown on
    /// a fleet that passes: 0 with exports that agree, 3 once one of them reports another version.
    @Test func checkExitsZeroWhenTheExportsAgreeAndThreeWhenOneVersionDiffers() throws {
        let fleet = try CheckCommandTests.folder(["fleet.yaml": CheckCommandTests.passingFleet])
        defer { try? FileManager.default.removeItem(at: fleet) }
        let observed = fleet.deletingLastPathComponent().appendingPathComponent("observed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: observed.appendingPathComponent("edge"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: observed) }
        let version = #"{"serverVersion": {"major": "1", "minor": "33", "gitVersion": "v1.33.4"}}"#
        try Data(version.utf8).write(to: observed.appendingPathComponent("edge/version.json"))
        let arguments = ["check", "releases", "schedules", fleet.path, "--as-of", "2025-11-03", "--horizon", "30d", "--observed", observed.path]
        let agreeing = try ValidateCommandTests.upkeep(arguments)
        #expect(agreeing.status == 0, "\(agreeing.output)")
        try Data(version.replacingOccurrences(of: "v1.33.4", with: "v1.33.5").utf8).write(to: observed.appendingPathComponent("edge/version.json"))
        for format in ["text", "github", "sarif"] {
            let differing = try ValidateCommandTests.upkeep(arguments + ["--format", format])
            #expect(differing.status == 3, "\(format): \(differing.output)")
            #expect(differing.output.contains("edge: kubernetesVersion 1.33.4 → 1.33.5 (kubectl version)"), "\(format)")
        }
        // A broken export ends the check with exit 1 (the exports are read while the plan is made): nothing is checked.
        try Data(#"{"serverVersion": {"gitVersion": "vNext"}}"#.utf8).write(to: observed.appendingPathComponent("edge/version.json"))
        let broken = try ValidateCommandTests.upkeep(arguments)
        #expect(broken.status == 1, "\(broken.output)")
        #expect(broken.output.contains("edge/version.json:1:") && broken.output.contains("nothing was checked"), "\(broken.output)")
    }
}
