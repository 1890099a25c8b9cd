import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep explain` end to end: every step of the examples' plan, its JSON against the committed schema.
@Suite("upkeep explain, end to end")
struct ExplainCommandTests {
    static let inputs = ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"]
    static let schema = TestSupport.packageRoot.appendingPathComponent("schemas/explain.schema.json").path
    static let validator = TestSupport.packageRoot.appendingPathComponent("Tests/tools/validate_plan.py").path

    /// The schema's complaints about each document, or nil when all are valid (one python run for all).
    static func schemaProblems(_ documents: [String]) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let path = folder.appendingPathComponent("\(index).json").path
            try Data(document.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let run = try TestSupport.python([validator, schema] + paths)
        return run.status == 0 ? nil : run.output
    }

    @Test(arguments: ["2024-07-01", "2024-11-15"])
    func everyStepOfTheExamplesPlanIsExplained(asOf: String) throws {
        let plan = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", asOf, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(plan.output.utf8)) as? [String: Any])
        let steps = try #require(root["steps"] as? [[String: Any]])
        #expect(steps.count > 5)
        var documents: [String] = []
        for step in steps {
            let id = try #require(step["id"] as? String)
            let run = try ValidateCommandTests.upkeep(["explain", id] + Self.inputs + ["--as-of", asOf, "--format", "json"])
            #expect(run.status == 0, "\(id): \(run.output)")
            documents.append(run.output)
            let explanation = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
            #expect(explanation["id"] as? String == id)
            // One step shape: every field of the plan file's step, with the same value.
            for (key, value) in step {
                #expect((explanation[key] as? NSObject)?.isEqual(value) == true, "\(id): \(key)")
            }
            let constraints = try #require(explanation["constraints"] as? [[String: Any]])
            guard let start = explanation["start"] as? String else { continue }
            // A placed step: one binding constraint, at or before its start, and none allows a later start.
            let binding = constraints.filter { $0["binding"] as? Bool == true }
            #expect(binding.count == 1, "\(id)")
            for constraint in constraints {
                let notBefore = try #require(constraint["notBefore"] as? String)
                #expect(notBefore <= start, "\(id): \(constraint) allows no start before \(notBefore), but the step starts at \(start)")
            }
            #expect(constraints.contains { $0["kind"] as? String == "window" })
        }
        #expect(try Self.schemaProblems(documents) == nil)
    }

    @Test func theTextSaysWhyThenAndMarksTheBindingConstraint() throws {
        let run = try ValidateCommandTests.upkeep(["explain", "mgmt-east/platform/1.0.23.10605"] + Self.inputs + ["--as-of", "2024-07-01"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("mgmt-east/platform/1.0.23.10605: platform-update 1.0.22.10209 → 1.0.23.10605"))
        for heading in ["Why it exists", "Why then", "What waits for it"] { #expect(run.output.contains("\n\(heading)\n")) }
        #expect(run.output.contains("← binding"))
        // The steps that wait for the update are listed under it.
        #expect(run.output.contains("payments-prod/kubernetes/1.26.12"))
    }

    @Test func anUnknownStepIDExitsOneAndSuggestsTheClosest() throws {
        let run = try ValidateCommandTests.upkeep(["explain", "payments-prod/kubernetes/1.26"] + Self.inputs + ["--as-of", "2024-07-01"])
        #expect(run.status == 1)
        #expect(run.output == "upkeep: the plan has no step \"payments-prod/kubernetes/1.26\"; did you mean \"payments-prod/kubernetes/1.26.12\"?\n")
    }

    @Test func aBrokenExplanationFailsTheSchema() throws {
        let run = try ValidateCommandTests.upkeep(["explain", "mgmt-east/platform/1.0.23.10605"] + Self.inputs + ["--as-of", "2024-07-01", "--format", "json"])
        let broken = run.output.replacingOccurrences(of: "\"kind\": \"as-of\"", with: "\"kind\": \"whenever\"")
        #expect(try Self.schemaProblems([broken])?.contains("whenever") == true)
    }
}
