import ArgumentParser
import Foundation
import UpkeepKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Why one step of the plan exists, why it starts when it does, and what waits for it.",
        discussion: "Plans the inputs as `upkeep plan` does, then explains the step. Exit status: 0 when the step exists, 1 on invalid input or an unknown step id (the closest ids are suggested)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The step's id, as the plan gives it (for example payments-prod/kubernetes/1.27.9).")
    var stepID: String

    @OptionGroup var inputs: InputOptions

    @Option(name: .customLong("as-of"), help: "The day the plan starts from (YYYY-MM-DD); default: today in UTC.")
    var asOf: AsOfDate?

    @Option(help: "How far ahead to plan, for example 180d (default: the policy's horizon).")
    var horizon: HorizonSpan?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let loaded = try inputs.load()
        let plan = Planner.plan(inputs: loaded, asOf: (asOf ?? .todayUTC).date, horizon: horizon?.span)
        let windows = Dictionary(loaded.clusters.map { ($0.name, $0.window?.name) }, uniquingKeysWith: { first, _ in first })
        let managementWindows = Dictionary(loaded.managementClusters.map { ($0.name, $0.window?.name) }, uniquingKeysWith: { first, _ in first })
        let window: (PlanStep) -> String? = { step in
            step.occurrence?.window ?? (step.cluster.flatMap { windows[$0] ?? nil } ?? step.managementCluster.flatMap { managementWindows[$0] ?? nil })
        }
        let clusters = Dictionary(loaded.clusters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let managements = Dictionary(loaded.managementClusters.map { ($0.name, $0.position) }, uniquingKeysWith: { first, _ in first })
        let entry: (PlanStep) -> SourcePosition? = { step in
            if let name = step.cluster, let cluster = clusters[name] {
                return step.nodePool.flatMap { pool in cluster.nodePools.first { $0.name == pool }?.position } ?? cluster.position
            }
            return step.managementCluster.flatMap { managements[$0] }
        }
        guard let explanation = StepExplanation(id: stepID, plan: plan, windowOf: window, entryOf: entry) else {
            let closest = StepExplanation.closestIDs(to: stepID, in: plan)
            let hint = closest.isEmpty ? "" : "; did you mean \(closest.map { "\"\($0)\"" }.joined(separator: " or "))?"
            FileHandle.standardError.write(Data("upkeep: the plan has no step \"\(stepID)\"\(hint)\n".utf8))
            throw ExitCode(1)
        }
        let output = format == .json ? ExplainRenderer.json(explanation) : ExplainRenderer.text(explanation)
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
