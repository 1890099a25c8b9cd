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
    }

    @OptionGroup var inputs: InputOptions

    @OptionGroup var planning: PlanOptions

    @Option(help: "Ticket format: markdown, servicenow or jira.")
    var format: Format = .markdown

    @Option(name: .customLong("jira-project"), help: "The Jira project key (for --format jira).")
    var jiraProject = "OPS"

    @Option(name: .shortAndLong, help: "The folder to write the tickets into (made when missing).")
    var output: String

    func run() throws {
        try inputs.refuseOverwritingAnInput(with: output)
        let loaded = try inputs.load()
        let plan = planning.plan(loaded)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write(Data("upkeep: cannot make the folder \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        let kind = TicketRenderer.Format(rawValue: format.rawValue) ?? .markdown
        for ticket in ChangeTicket.tickets(for: plan, inputs: loaded) {
            let path = (output as NSString).appendingPathComponent(TicketRenderer.fileName(ticket, format: kind))
            try OutputFile.write(TicketRenderer.render(ticket, format: kind, jiraProject: jiraProject), to: path)
        }
        withExtendedLifetime((plan, loaded)) { Foundation.exit(0) }
    }
}
