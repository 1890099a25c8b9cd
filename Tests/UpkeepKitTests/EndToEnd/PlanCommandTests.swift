import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep plan` on the shipped feeds, the sample schedule and policy and the sample fleet, end to end,
/// against golden files (UPKEEP_UPDATE_GOLDEN=1 rewrites them; review the diff).
@Suite("upkeep plan, end to end")
struct PlanCommandTests {
    static let inputs = ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"]
    static let golden = TestSupport.fixtures.appendingPathComponent("golden")

    @Test(arguments: [("text", "txt"), ("markdown", "md"), ("json", "json"), ("yaml", "yaml")])
    func planMatchesItsGoldenFile(_ format: String, _ fileExtension: String) throws {
        let run = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--format", format])
        #expect(run.status == 3)
        let file = Self.golden.appendingPathComponent("plan-2024-07-01.\(fileExtension)")
        if ProcessInfo.processInfo.environment["UPKEEP_UPDATE_GOLDEN"] == "1" {
            try Data(run.output.utf8).write(to: file)
        }
        #expect(run.output == (try String(contentsOf: file, encoding: .utf8)))
    }

    @Test func jsonPlanMatchesTheCommittedSchema() throws {
        let run = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--format", "json"])
        #expect(PlanSchemaCheck.problems(run.output) == nil)
        #expect(run.output.contains("\"schemaVersion\": 1"))
    }

    @Test func schemaRejectsAPlanThatBreaksIt() throws {
        let run = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--format", "json"])
        let broken = run.output.replacingOccurrences(of: "\"status\": \"scheduled\"", with: "\"status\": \"maybe\"")
        #expect(PlanSchemaCheck.problems(broken)?.contains("'maybe' is not one of") == true)
    }

    @Test func yamlPlanSaysTheSameAsJSON() throws {
        let json = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--format", "json"])
        let yaml = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--format", "yaml"])
        let script = "import json, sys, yaml; a = json.load(open(sys.argv[1])); b = yaml.safe_load(open(sys.argv[2])); sys.exit(0 if a == b else 1)"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(json.output.utf8).write(to: folder.appendingPathComponent("plan.json"))
        try Data(yaml.output.utf8).write(to: folder.appendingPathComponent("plan.yaml"))
        let run = try TestSupport.python(["-c", script, folder.appendingPathComponent("plan.json").path, folder.appendingPathComponent("plan.yaml").path])
        #expect(run.status == 0, "\(run.output)")
    }

    /// `plan fleet-dir -o fleet-dir/fleet.yaml` once replaced the operator's inventory with the plan.
    @Test func neverOverwriteAnInput_anOutputThatIsAnInputIsRefusedBeforeAnythingIsRead() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("upkeep-inputs-\(UUID().uuidString)")
        let fleetFolder = folder.appendingPathComponent("fleet-dir")
        try manager.createDirectory(at: fleetFolder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        let fleet = fleetFolder.appendingPathComponent("fleet.yaml").path
        try manager.copyItem(atPath: TestSupport.examples.appendingPathComponent("fleet.yaml").path, toPath: fleet)
        let original = try Data(contentsOf: URL(fileURLWithPath: fleet))
        let symbolic = folder.appendingPathComponent("link.yaml").path
        let hard = folder.appendingPathComponent("hard.yaml").path
        try manager.createSymbolicLink(atPath: symbolic, withDestinationPath: fleet)
        try manager.linkItem(atPath: fleet, toPath: hard)
        let relativeFolder = fleetFolder.path + "/../fleet-dir/fleet.yaml"
        for output in [fleet, relativeFolder, symbolic, hard, fleetFolder.path] {
            let run = try ValidateCommandTests.upkeep(["plan", "releases", "schedules", fleetFolder.path, "--as-of", "2024-06-10", "-o", output])
            #expect(run.status == 1, "\(output)")
            #expect(run.output.hasPrefix("upkeep: will not write \(output): ") && run.output.hasSuffix("Nothing was read or written.\n"), "\(run.output)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: fleet)) == original)
        }
        // An input file named directly, and the file behind a link to it, are refused the same way.
        let direct = try ValidateCommandTests.upkeep(["plan", "releases", "schedules", symbolic, "--as-of", "2024-06-10", "-o", fleet])
        #expect(direct.status == 1 && direct.output.contains("the same file through a link"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fleet)) == original)
        // A new file beside the inputs is fine.
        let fresh = fleetFolder.appendingPathComponent("plan.txt").path
        let made = try ValidateCommandTests.upkeep(["plan", "releases", "schedules", fleetFolder.path, "--as-of", "2024-06-10", "-o", fresh])
        #expect(made.status == 3 && manager.fileExists(atPath: fresh))
    }

    @Test func outputFileIsReplacedOnlyWhenAPlanWasMade() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.json").path
        try Data("old plan\n".utf8).write(to: URL(fileURLWithPath: file))
        let failed = try ValidateCommandTests.upkeep(["plan", "Tests/UpkeepKitTests/Fixtures/diagnostics/unknown-kind.yaml", "--as-of", "2024-07-01", "-o", file])
        #expect(failed.status == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "old plan\n")
        let made = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--format", "json", "-o", file])
        #expect(made.status == 3 && made.output.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{\n  \"asOf\": \"2024-07-01\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.json"])
    }

    @Test func horizonOptionSetsTheLastDayPlanned() throws {
        let run = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--horizon", "30d", "--format", "json"])
        #expect(run.output.contains("\"horizonEnd\": \"2024-07-31\""))
        // Within 30 days: mgmt-east updates (a patch its clusters need is only in the new release), which
        // renews its certificates; mgmt-west, with nothing to update, rotates none before 2024-09-18.
        #expect(run.output.contains("\"id\": \"mgmt-east/platform/1.0.23.10605\""))
        #expect(!run.output.contains("certificate-rotation"))
        let bad = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", "2024-07-01", "--horizon", "soon"])
        #expect(bad.status != 0 && bad.status != 3)
    }

    @Test func inputsAreListedSortedWithTheirDigests() throws {
        let run = try ValidateCommandTests.upkeep(["plan", "Tests/UpkeepKitTests/Fixtures/sample-2024", "schedules", "releases", "--as-of", "2024-07-01", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let inputs = try #require(root["inputs"] as? [[String: String]])
        let paths = inputs.compactMap { $0["path"] }
        #expect(paths == paths.sorted() && paths.count == ValidateCommandTests.inputFileCount(["Tests/UpkeepKitTests/Fixtures/sample-2024", "schedules", "releases"]) && paths.contains("Tests/UpkeepKitTests/Fixtures/sample-2024/fleet.yaml"))
        #expect(inputs.allSatisfy { ($0["sha256"] ?? "").count == 64 })
    }
}

@Suite("Plan JSON writer")
struct PlanJSONWriterTests {
    @Test func streamedPlanEqualsTheTreeRendering() throws {
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"))
        #expect(!plan.steps.isEmpty)
        PlanInvariants.check(plan, inputs: inputs)
        #expect(PlanJSONRenderer.render(plan) == PlanJSONRenderer.value(plan).rendered(inlineFrom: PlanJSONRenderer.inlineDepth))
    }

    /// The pieces are rendered on other threads and written in order: cut small, every list crosses
    /// several piece edges, and the document must still be the same.
    @Test func piecesRenderedAheadKeepTheirOrder() throws {
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"))
        #expect(plan.steps.count > 3 && plan.findings.count > 3 && plan.clusters.count > 3)
        let expected = PlanJSONRenderer.value(plan).rendered(inlineFrom: PlanJSONRenderer.inlineDepth)
        for size in [1, 2, 3, 5] {
            var bytes: [UInt8] = []
            PlanJSONRenderer.write(plan, elementsPerPiece: size) { bytes += $0 }
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "pieces of \(size)")
        }
    }
}
