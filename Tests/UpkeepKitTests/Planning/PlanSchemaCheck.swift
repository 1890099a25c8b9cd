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
        guard let run = try? TestSupport.python([script, schema, "-"], input: json) else { return "cannot run python3" }
        return run.status == 0 ? nil : run.output
    }

    /// Records a test issue when the plan's JSON does not match the schema.
    static func check(_ plan: Plan, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problems = problems(PlanJSONRenderer.render(plan)) {
            Issue.record("the JSON plan does not match schemas/plan.schema.json:\n\(problems)", sourceLocation: sourceLocation)
        }
    }
}
