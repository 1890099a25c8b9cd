import ArgumentParser
import Foundation
import UpkeepKit

/// Options every command that reads the fleet shares, and the common way to load it: every input
/// problem is printed to standard error, and any error stops the command with exit code 1.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input files and folders (folders are read recursively: *.yaml, *.yml, *.json).")
    var paths: [String]

    @Flag(help: "Treat unknown keys as errors instead of warnings.")
    var strict = false

    /// Stops with exit code 1, before anything is read or written, when `output` is one of the inputs.
    func refuseOverwritingAnInput(with output: String?) throws {
        guard let output, let problem = OutputPathCheck.problem(output: output, inputs: paths) else { return }
        FileHandle.standardError.write(Data("upkeep: will not write \(output): \(problem) Nothing was read or written.\n".utf8))
        throw ExitCode(1)
    }

    /// The same for an output folder, which the command replaces whole.
    func refuseReplacingAnInput(withFolder output: String?) throws {
        guard let output, let problem = OutputPathCheck.folderProblem(output: output, inputs: paths) else { return }
        FileHandle.standardError.write(Data("upkeep: will not write \(output): \(problem) Nothing was read or written.\n".utf8))
        throw ExitCode(1)
    }

    /// `diagnosed` sees every input problem before the command ends (`check --format github` annotates them).
    func load(digests: Bool = false, diagnosed: ([Diagnostic]) -> Void = { _ in }) throws -> InputSet {
        let log = DiagnosticLog(strict: strict)
        let inputs = InputLoader(computeDigests: digests).load(paths: paths, log: log)
        let report = ValidationReport(inputs: inputs, log: log)
        if !report.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(report.diagnostics.map { "\($0)\n" }.joined().utf8))
        }
        diagnosed(report.diagnostics)
        guard report.isValid else {
            FileHandle.standardError.write(Data("upkeep: the inputs have \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"); nothing was computed.\n".utf8))
            throw ExitCode(1)
        }
        return inputs
    }
}

/// `--as-of`: a calendar day; the executable's default is today in UTC (the only clock Upkeep reads).
struct AsOfDate: ExpressibleByArgument {
    var date: CalendarDate

    init?(argument: String) {
        guard let date = CalendarDate(parsing: argument) else { return nil }
        self.date = date
    }

    init(date: CalendarDate) {
        self.date = date
    }

    static var todayUTC: AsOfDate {
        AsOfDate(date: CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))))
    }
}
