import ArgumentParser
import Foundation
import UpkeepKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Read and check every input; print every problem with its file, line and column.",
        discussion: "Exit status: 0 when the inputs are valid, 1 when any error was found."
    )

    @Argument(help: "Input files and folders (folders are read recursively: *.yaml, *.yml, *.json).")
    var paths: [String]

    @Flag(help: "Treat unknown keys as errors instead of warnings.")
    var strict = false

    func run() throws {
        let log = DiagnosticLog(strict: strict)
        let inputs = InputLoader().load(paths: paths, log: log)
        let report = ValidationReport(inputs: inputs, log: log)
        FileHandle.standardOutput.write(Data(report.render().utf8))
        if !report.isValid { throw ExitCode(1) }
    }
}
