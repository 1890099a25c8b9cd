import ArgumentParser
import Foundation
import UpkeepKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Why one step of the plan exists, why it starts when it does, and what waits for it.",
        discussion: "Plans the inputs as `upkeep plan` does, then explains the step, or with --cluster or --until and no step id every step of that view (text: one after another; json: an array). Exit status: 0 when the step exists, 1 on invalid input, an unknown step id (the closest ids are suggested) or a step the view leaves out."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The step's id, as the plan gives it (for example payments-prod/kubernetes/1.27.9); optional with --cluster or --until.")
    var stepID: String?

    @OptionGroup var inputs: InputOptions

    @OptionGroup var planning: PlanOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var view: ViewOptions

    func run() throws {
        // `explain PATH… --cluster X`: with no step id, the first path is read as the argument; it is an input.
        var inputs = self.inputs, stepID = self.stepID
        if let first = stepID, !view.clusters.isEmpty || view.until != nil, FileManager.default.fileExists(atPath: first) {
            inputs.paths.insert(first, at: 0)
            stepID = nil
        }
        let loaded = try inputs.load()
        let shown = try view.view(of: loaded)
        // Explanations read the whole plan (what waits for a step); the view says which steps to explain.
        let plan = planning.plan(loaded)
        let lookup = InputLookup(loaded)
        let inView = Set(shown.apply(to: plan, inputs: loaded).steps.map(\.id))
        guard let stepID else {
            guard !shown.isWhole else {
                FileHandle.standardError.write(Data("upkeep: explain needs a step id, or --cluster or --until to explain every step of that view.\n".utf8))
                throw ExitCode(1)
            }
            let explanations = plan.steps.filter { inView.contains($0.id) }
                .compactMap { StepExplanation(id: $0.id, plan: plan, windowOf: lookup.window(of:), entryOf: lookup.entry(of:)) }
            let output = format == .json ? ExplainRenderer.json(explanations) : explanations.map(ExplainRenderer.text).joined(separator: "\n")
            FileHandle.standardOutput.write(Data((explanations.isEmpty && format == .text ? "No step in this view.\n" : output).utf8))
            return
        }
        guard let explanation = StepExplanation(id: stepID, plan: plan, windowOf: lookup.window(of:), entryOf: lookup.entry(of:)) else {
            let closest = StepExplanation.closestIDs(to: stepID, in: plan)
            let hint = closest.isEmpty ? "" : "; did you mean \(closest.map { "\"\($0)\"" }.joined(separator: " or "))?"
            FileHandle.standardError.write(Data("upkeep: the plan has no step \"\(stepID)\"\(hint)\n".utf8))
            throw ExitCode(1)
        }
        guard inView.contains(stepID) else {
            FileHandle.standardError.write(Data("upkeep: step \"\(stepID)\" is in the plan but not in this view (\(shown.sentence()))\n".utf8))
            throw ExitCode(1)
        }
        let output = format == .json ? ExplainRenderer.json(explanation) : ExplainRenderer.text(explanation)
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
