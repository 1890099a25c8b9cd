import ArgumentParser
import UpkeepKit

@main
struct Upkeep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upkeep",
        abstract: "Plans Kubernetes upgrades and patches for AKS hybrid style fleets.",
        subcommands: [Validate.self, Status.self, PlanCommand.self, Explain.self, CalendarCommand.self, TicketsCommand.self, DiffCommand.self, CheckCommand.self, ReportCommand.self, FeedsCommand.self]
    )
}
