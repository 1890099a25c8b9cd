import ArgumentParser
import Foundation
import UpkeepKit

/// `upkeep check PATH… [--plan FILE] [--as-of DATE] [--horizon D] [--format text|github|sarif]`: the CI gate.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "The CI gate: fails when the fleet falls out of support with no on-time step, the plan has errors, or the committed plan is stale.",
        discussion: """
            A committed plan (--plan) is compared with the plan of the inputs made on the plan's own --as-of and horizon, \
            byte for byte. Exit status: 0 when the check passes, 3 when it fails, 1 on invalid input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github, sarif
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var planning: PlanOptions

    @Option(help: "The committed plan file (upkeep plan --format json -o FILE) that must be the plan of the inputs.")
    var plan: String?

    @Option(help: "Output format: text, github (workflow commands) or sarif.")
    var format: Format = .text

    @Option(help: "A folder of exports of the clusters' own state (see `upkeep inventory`): the check fails where the fleet disagrees with it.")
    var observed: String?

    func run() throws {
        let loaded = try inputs.load(digests: plan != nil) { diagnostics in
            guard format == .github, diagnostics.contains(where: { $0.severity == .error }) else { return }
            // Invalid inputs are annotated where they are, then the command ends with exit 1.
            let lines = diagnostics.map { diagnostic in
                CheckRenderer.annotation(diagnostic.severity, path: diagnostic.path, line: diagnostic.line, column: diagnostic.column,
                                         title: "invalid input", message: diagnostic.message)
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        let execution = PlanCommand.execution()
        // The exports are read and compared with the fleet while the plan is made.
        let driftRead = observed.map { ObservedDriftRead(inputs: loaded, observed: $0) }
        let fresh = planning.plan(loaded, inputFiles: { PlanCommand.inputFiles(loaded) }, execution: execution)
        let committed = try plan.map { try Self.compare(committedPlan: $0, fresh: fresh, inputs: loaded, paths: inputs.paths, execution: execution) }
        let drift = try driftRead.map { try Self.drift($0) } ?? []
        let check = FleetCheck(plan: fresh, committed: committed, drift: drift, observedFolder: observed ?? "")
        let output: String
        switch format {
        case .text: output = CheckRenderer.text(check)
        case .github:
            output = CheckRenderer.github(check)
            if let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                Self.append(CheckRenderer.stepSummary(check), to: summary)
            }
        case .sarif: output = CheckRenderer.sarif(check)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        ProcessLifetime.keepUntilExit((fresh, loaded))
        if !check.passes { throw ExitCode(3) }
    }

    /// The fleet's disagreements with the exports; an export with an error ends the check (exit 1).
    static func drift(_ read: ObservedDriftRead) throws -> [FleetDrift.Change] {
        let log = DiagnosticLog()
        let changes = read.finish(log: log)
        guard log.errorCount == 0 else {
            FileHandle.standardError.write(Data(log.sorted.map { "\($0)\n" }.joined().utf8))
            FileHandle.standardError.write(Data("upkeep: the observed exports have \(log.errorCount) error\(log.errorCount == 1 ? "" : "s"); nothing was checked.\n".utf8))
            throw ExitCode(1)
        }
        return changes
    }

    /// Whether the committed plan is the plan of the inputs on its own date and horizon (the fresh plan when
    /// those are its own, planned again otherwise).
    static func compare(committedPlan path: String, fresh: Plan, inputs: InputSet, paths: [String], execution: ExecutionOptions) throws -> FleetCheck.CommittedPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("upkeep: cannot read the plan \(path).\n".utf8))
            throw ExitCode(1)
        }
        let bytes = [UInt8](data)
        guard let committed = PlanFileReader.read(bytes) else {
            FileHandle.standardError.write(Data("upkeep: \(path) is not a plan file (upkeep plan --format json).\n".utf8))
            throw ExitCode(1)
        }
        let horizon = Horizon.days(committed.horizonEnd.daysSinceEpoch - committed.asOf.daysSinceEpoch)
        let again = committed.asOf == fresh.asOf && committed.horizonEnd == fresh.horizonEnd ? fresh
            : Planner.plan(inputs: inputs, asOf: committed.asOf, horizon: horizon, inputFiles: { PlanCommand.inputFiles(inputs) }, execution: execution)
        var rendered: [UInt8] = []
        rendered.reserveCapacity(bytes.count)
        PlanJSONRenderer.write(again) { rendered.append(contentsOf: $0) }
        let command = "upkeep plan \(paths.joined(separator: " ")) --as-of \(committed.asOf) --horizon \(horizon) --format json -o \(path)"
        return FleetCheck.CommittedPlan(path: path, isCurrent: rendered == bytes, command: command)
    }

    /// Appends to the job summary file (GitHub makes it; a failure to write it never fails the check).
    static func append(_ text: String, to path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }
}
