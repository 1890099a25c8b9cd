import ArgumentParser
import UpkeepKit

@main
struct Upkeep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upkeep",
        abstract: "Plans Kubernetes upgrades and patches for AKS hybrid style fleets.",
        version: ToolVersion.current,
        subcommands: [ValidateCommand.self, InventoryCommand.self, StatusCommand.self, PlanCommand.self, ExplainCommand.self, CalendarCommand.self, TicketsCommand.self, DiffCommand.self, CheckCommand.self, ReportCommand.self, FeedsCommand.self]
    )
}
