import ArgumentParser
import Foundation
import UpkeepKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Support status of every management cluster, workload cluster and node pool on a day.",
        discussion: "Exit status: 0 whatever the support state, 1 when the inputs are invalid."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @OptionGroup var inputs: InputOptions

    @Option(name: .customLong("as-of"), help: "The day to report on (YYYY-MM-DD); default: today in UTC.")
    var asOf: AsOfDate?

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    @OptionGroup var view: ViewOptions

    func run() throws {
        let loaded = try inputs.load()
        let date = (asOf ?? .todayUTC).date
        let shown = try view.view(of: loaded)
        let report = shown.apply(to: SupportEngine(inputs: loaded, publishedBy: date).status(on: date), inputs: loaded)
        let output: String
        switch format {
        case .text: output = StatusTextRenderer.render(report)
        case .markdown: output = StatusMarkdownRenderer.render(report)
        case .json: output = StatusJSONRenderer.render(report)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
