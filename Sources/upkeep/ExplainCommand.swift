import ArgumentParser
import Foundation
import UpkeepKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why one step of the plan exists, why it starts when it does, and what waits for it.",
        discussion: "Plans the inputs as `upkeep plan` does, then explains the step. Exit status: 0 when the step exists, 1 on invalid input or an unknown step id (the closest ids are suggested)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The step's id, as the plan gives it (for example payments-prod/kubernetes/1.27.9).")
    var stepID: String

    @OptionGroup var inputs: InputOptions

    @OptionGroup var planning: PlanOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let loaded = try inputs.load()
        let plan = planning.plan(loaded)
        let lookup = InputLookup(loaded)
        guard let explanation = StepExplanation(id: stepID, plan: plan, windowOf: lookup.window(of:), entryOf: lookup.entry(of:)) else {
            let closest = StepExplanation.closestIDs(to: stepID, in: plan)
            let hint = closest.isEmpty ? "" : "; did you mean \(closest.map { "\"\($0)\"" }.joined(separator: " or "))?"
            FileHandle.standardError.write(Data("upkeep: the plan has no step \"\(stepID)\"\(hint)\n".utf8))
            throw ExitCode(1)
        }
        let output = format == .json ? ExplainRenderer.json(explanation) : ExplainRenderer.text(explanation)
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
