import ArgumentParser
import Foundation
import UpkeepKit

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The plan's maintenance as an iCalendar file (RFC 5545): one event per cluster and window occurrence.",
        discussion: "Plans the inputs as `upkeep plan` does. With --previous (the plan file this one replaces), dropped events are written cancelled and changed ones get a higher SEQUENCE. Exit status: 0 when written, 1 on invalid input or an unwritable output."
    )

    @OptionGroup var inputs: InputOptions

    @OptionGroup var planning: PlanOptions

    @OptionGroup var view: ViewOptions

    @Option(name: .shortAndLong, help: "The .ics file to write.")
    var output: String

    @Option(name: .customLong("per-subject"), help: "Also write one .ics per cluster and management cluster into this folder.")
    var perSubject: String?

    @Option(help: "The plan file (upkeep plan --format json) this calendar replaces.")
    var previous: String?

    func run() throws {
        try inputs.refuseOverwritingAnInput(with: output)
        try inputs.refuseReplacingAnInput(withFolder: perSubject)
        var previousPlan: Plan?
        if let previous {
            guard let data = FileManager.default.contents(atPath: previous) else {
                FileHandle.standardError.write(Data("upkeep: cannot read \(previous).\n".utf8))
                throw ExitCode(1)
            }
            guard let plan = PlanFileReader.read([UInt8](data)) else {
                FileHandle.standardError.write(Data("upkeep: \(previous) is not a plan file (upkeep plan --format json).\n".utf8))
                throw ExitCode(1)
            }
            previousPlan = plan
        }
        let loaded = try inputs.load()
        // The plan this calendar replaces is seen through the same view: what the view leaves out is not cancelled.
        let shown = try view.view(of: loaded)
        previousPlan = previousPlan.map { shown.apply(to: $0, inputs: loaded) }
        let plan = shown.apply(to: planning.plan(loaded), inputs: loaded)
        let names = CalendarRenderer.Names(loaded)
        let calendar = CalendarRenderer.renderBytes(plan, names: names, previous: previousPlan)
        try OutputFile.write({ emit in try calendar.withUnsafeBufferPointer(emit) }, to: output)
        if let perSubject {
            let files = CalendarRenderer.perSubject(plan, names: names, previous: previousPlan)
            try OutputFolder.write(files.map { ($0.fileName, $0.bytes) }, to: perSubject, command: "calendar --per-subject")
        }
        // The plan and the inputs are not freed piece by piece: they live until the process ends.
        ProcessLifetime.keepUntilExit((plan, loaded, calendar))
    }
}
