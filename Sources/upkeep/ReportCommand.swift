import ArgumentParser
import Foundation
import UpkeepKit

/// `upkeep report PATH… [--as-of DATE] [--horizon D] -o plan.html`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The plan as one self-contained HTML page: a summary, a timeline of every cluster against its support window, the steps and the findings.",
        discussion: "The page opens offline in any browser: no network, no external fonts, styles or scripts. Exit status: 0 when written, 1 on invalid input or an unwritable output."
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var planning: PlanOptions
    @OptionGroup var view: ViewOptions

    @Option(name: .shortAndLong, help: "The HTML file to write.")
    var output: String

    func run() throws {
        PhaseClock.mark("start")
        try inputs.refuseOverwritingAnInput(with: output)
        let loaded = try inputs.load()
        let shown = try view.view(of: loaded)
        PhaseClock.mark("read and check the inputs")
        let execution = PlanCommand.execution()
        let plan = shown.apply(to: planning.plan(loaded, execution: execution), inputs: loaded)
        let html = ReportRenderer.render(plan, inputs: loaded, execution: execution)
        PhaseClock.mark("render the report")
        try OutputFile.write(html, to: output)
        PhaseClock.mark("write the report")
        ProcessLifetime.keepUntilExit((plan, loaded))
    }
}
