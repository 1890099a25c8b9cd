import ArgumentParser
import UpkeepKit

/// The options of every command that makes a plan (`plan`, `explain`, `calendar`, `tickets`), and making it.
struct PlanOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The day the plan starts from (YYYY-MM-DD); default: today in UTC.")
    var asOf: AsOfDate?

    @Option(help: "How far ahead to plan: days, weeks or months, for example 180d, 26w or 6m (m is months here; default: the policy's horizon).")
    var horizon: HorizonSpan?

    func plan(_ inputs: InputSet, inputFiles: () -> [Plan.InputFile] = { [] }, execution: ExecutionOptions = .standard) -> Plan {
        Planner.plan(inputs: inputs, asOf: (asOf ?? .todayUTC).date, horizon: horizon?.span, inputFiles: inputFiles, execution: execution)
    }
}

/// `--horizon 180d`, `26w` or `6m` (six months).
struct HorizonSpan: ExpressibleByArgument {
    var span: Horizon

    init?(argument: String) {
        guard let span = Horizon(parsing: argument) else { return nil }
        self.span = span
    }
}
