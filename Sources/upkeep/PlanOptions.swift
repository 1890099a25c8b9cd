import ArgumentParser
import UpkeepKit

/// The options of every command that makes a plan (`plan`, `explain`, `calendar`, `tickets`), and making it.
struct PlanOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The day the plan starts from (YYYY-MM-DD); default: today in UTC.")
    var asOf: AsOfDate?

    @Option(help: "How far ahead to plan, for example 180d (default: the policy's horizon).")
    var horizon: HorizonSpan?

    func plan(_ inputs: InputSet, inputFiles: () -> [Plan.InputFile] = { [] }, execution: ExecutionOptions = .standard) -> Plan {
        Planner.plan(inputs: inputs, asOf: (asOf ?? .todayUTC).date, horizon: horizon?.span, inputFiles: inputFiles, execution: execution)
    }
}

/// `--horizon 180d`
struct HorizonSpan: ExpressibleByArgument {
    var span: TimeSpan

    init?(argument: String) {
        guard let span = TimeSpan(parsing: argument), span.minutes > 0 else { return nil }
        self.span = span
    }
}
