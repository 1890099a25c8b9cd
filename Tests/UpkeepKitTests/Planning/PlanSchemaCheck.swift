import Foundation
import Testing
@testable import UpkeepKit

/// Validates JSON plans against the committed schema (schemas/plan.schema.json) with Python's
/// jsonschema, which `make test` installs when it is missing.
enum PlanSchemaCheck {
    static let schema = TestSupport.packageRoot.appendingPathComponent("schemas/plan.schema.json").path
    static let script = TestSupport.packageRoot.appendingPathComponent("Tests/tools/validate_plan.py").path

    /// The validator's complaints, or nil when the plan is valid.
    static func problems(_ json: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, schema, "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return "cannot run python3: \(error)" }
        input.fileHandleForWriting.write(Data(json.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
    }

    /// Records a test issue when the plan's JSON does not match the schema.
    static func check(_ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problems = problems(PlanJSONRenderer.render(plan)) {
            Issue.record("the JSON plan does not match schemas/plan.schema.json:\n\(problems)", sourceLocation: sourceLocation)
        }
    }
}
