import ArgumentParser
import Foundation
import UpkeepKit

struct TicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "One change ticket per cluster and window occurrence of the plan: Markdown, ServiceNow or Jira JSON.",
        discussion: "Plans the inputs as `upkeep plan` does and writes one file per ticket into the folder. Exit status: 0 when written, 1 on invalid input or an unwritable output."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, servicenow, jira
        case jiraADF = "jira-adf"
    }

    @OptionGroup var inputs: InputOptions

    @OptionGroup var planning: PlanOptions

    @OptionGroup var view: ViewOptions

    @Option(help: "Ticket format: markdown, servicenow, jira (REST v2, wiki markup) or jira-adf (REST v3, Atlassian Document Format).")
    var format: Format = .markdown

    @Option(name: .customLong("jira-project"), help: "The Jira project key (for --format jira and jira-adf).")
    var jiraProject = "OPS"

    @Option(name: .shortAndLong, help: "The folder to write the tickets into (made when missing).")
    var output: String

    func run() throws {
        PhaseClock.mark("start")
        try inputs.refuseReplacingAnInput(withFolder: output)
        let loaded = try inputs.load()
        let shown = try view.view(of: loaded)
        PhaseClock.mark("read and check the inputs")
        let execution = PlanCommand.execution()
        let plan = shown.apply(to: planning.plan(loaded, execution: execution), inputs: loaded)
        let kind = TicketRenderer.Format(rawValue: format.rawValue) ?? .markdown
        // Each ticket is written on the thread that rendered it, while the others render theirs.
        try OutputFolder.write(to: output, command: "tickets") { folder in
            TicketRenderer.deliver(for: plan, inputs: loaded, format: kind, jiraProject: jiraProject, execution: execution) { ticket in
                folder.add(ticket.name, ticket.bytes)
            }
        }
        PhaseClock.mark("render and write the tickets")
        ProcessLifetime.keepUntilExit((plan, loaded))
    }
}
