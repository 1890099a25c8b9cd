import ArgumentParser
import Foundation
import UpkeepKit

/// `upkeep diff OLD.json NEW.json [--format text|markdown|json]`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two plan files (upkeep plan --format json): steps added, removed and changed, findings added and resolved.",
        discussion: "Steps are matched by id. Markdown is made for a pull request comment and stays under 60,000 characters. Exit status: 0 when the plans are the same, 2 when they differ, 1 when a file cannot be read or is not a plan."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: "The older plan file.")
    var old: String

    @Argument(help: "The newer plan file.")
    var new: String

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func run() throws {
        // Both files are checked before failing, so that one run names every problem.
        var contents: [[UInt8]] = []
        var problems: [String] = []
        for path in [old, new] {
            if let data = FileManager.default.contents(atPath: path) { contents.append([UInt8](data)) } else {
                problems.append("upkeep: cannot read \(path).")
                contents.append([])
            }
        }
        let plans = PlanFileReader.read(all: contents, execution: PlanCommand.execution())
        for (path, plan) in zip([old, new], plans) where plan == nil && FileManager.default.isReadableFile(atPath: path) {
            problems.append("upkeep: \(path) is not a plan file (upkeep plan --format json).")
        }
        guard problems.isEmpty, let oldPlan = plans[0], let newPlan = plans[1] else {
            FileHandle.standardError.write(Data(problems.map { $0 + "\n" }.joined().utf8))
            throw ExitCode(1)
        }
        let diff = PlanDiff(old: oldPlan, new: newPlan)
        let text: String
        switch format {
        case .text: text = PlanDiffRenderer.text(diff)
        case .markdown: text = PlanDiffRenderer.markdown(diff)
        case .json: text = PlanDiffRenderer.json(diff)
        }
        try Array(text.utf8).withUnsafeBufferPointer { try OutputFile.writeAll(STDOUT_FILENO, $0, name: "standard output") }
        ProcessLifetime.keepUntilExit((oldPlan, newPlan))
        if !diff.isEmpty { throw ExitCode(2) }
    }
}
