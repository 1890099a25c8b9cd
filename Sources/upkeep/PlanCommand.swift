import ArgumentParser
import Foundation
import UpkeepKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "The ordered, scheduled upgrade plan, with findings.",
        discussion: "Exit status: 0 when no step is late or unschedulable and no finding is an error; 1 on invalid input; 3 otherwise. With -o, the file is replaced only when a plan was made."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, yaml
    }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var planning: PlanOptions
    @OptionGroup var view: ViewOptions

    @Option(help: "Output format: text, markdown, json or yaml.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the plan to this file instead of standard output.")
    var output: String?

    func run() throws {
        PhaseClock.mark("start")
        try inputs.refuseOverwritingAnInput(with: output)
        let loaded = try inputs.load(digests: true)
        let shown = try view.view(of: loaded)
        PhaseClock.mark("read and check the inputs")
        // The input files are hashed on another thread while the plan is made, from when it keeps one core busy.
        var execution = Self.execution()
        execution.sideWork = { [loaded] in loaded.startDigests() }
        let plan = shown.apply(to: planning.plan(loaded, inputFiles: { Self.inputFiles(loaded) }, execution: execution), inputs: loaded)
        // JSON goes out piece by piece; the other formats are small enough to build whole.
        let write: ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void
        func whole(_ text: String) -> ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void {
            { emit in try Array(text.utf8).withUnsafeBufferPointer(emit) }
        }
        switch format {
        case .text: write = whole(PlanTextRenderer.render(plan))
        case .markdown: write = whole(PlanMarkdownRenderer.render(plan))
        case .json: write = { emit in try PlanJSONRenderer.write(plan, emit) }
        case .yaml: write = whole(YAMLWriter.render(PlanJSONRenderer.value(plan)))
        }
        if let output {
            try OutputFile.write(write, to: output)
        } else {
            try write { try OutputFile.writeAll(STDOUT_FILENO, $0, name: "standard output") }
        }
        PhaseClock.mark("render and write the plan")
        // The plan and the inputs are not freed piece by piece: they live until the process ends, and the
        // system takes its memory back at once.
        ProcessLifetime.keepUntilExit((plan, loaded))
        if plan.needsAttention { throw ExitCode(3) }
    }
}

extension PlanCommand {
    /// Every core, phases timed with `UPKEEP_PHASE_TIMES=1`. For measuring what the parallel work buys,
    /// `UPKEEP_WORKERS=N` caps the threads (the plan is the same).
    static func execution() -> ExecutionOptions {
        let environment = ProcessInfo.processInfo.environment
        var execution = ExecutionOptions(phaseEnded: PhaseClock.mark)
        if let workers = environment["UPKEEP_WORKERS"].flatMap({ Int($0) }) { execution.workers = max(1, workers) }
        return execution
    }

    /// Every input file with its SHA-256, sorted by path.
    static func inputFiles(_ inputs: InputSet) -> [Plan.InputFile] {
        let digests = inputs.fileDigests
        return inputs.files.map { Plan.InputFile(path: $0, sha256: digests[$0] ?? "") }
    }
}
