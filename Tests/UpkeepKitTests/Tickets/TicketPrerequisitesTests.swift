import Testing
@testable import UpkeepKit

/// Issue 31: a ticket lists the steps of other subjects it waits for, each with that ticket's id — a workload
/// cluster's hop after its management cluster's platform update says so, in every format.
@Suite("Tickets name what must be done first")
struct TicketPrerequisitesTests {
    @Test func aWorkloadClustersTicketNamesThePlatformUpdateItWaitsForAndItsTicket() throws {
        let (_, tickets) = TicketCommandTests.tickets(["releases", "schedules", "examples/fleet.yaml"], asOf: "2025-11-17")
        let hop = try #require(tickets.first { $0.event.steps.contains { $0.id == "factory-prod/kubernetes/1.30.14" } })
        let update = try #require(tickets.first { $0.event.steps.contains { $0.id == "arc-local/platform/2510" } })
        let updateTicket = TicketRenderer.fileName(update, format: .markdown).replacingOccurrences(of: ".md", with: "")
        let line = try #require(hop.doneFirst.first { $0.hasPrefix("arc-local/platform/2510 must end first") })
        #expect(line.contains("ticket \(updateTicket)") && line.contains("factory-prod/kubernetes/1.30.14 waits for it"), "\(line)")
        // In every format the ticket is written in.
        for format in TicketRenderer.Format.allCases {
            // Jira's wiki markup escapes the hyphens.
            let text = TicketRenderer.render(hop, format: format).replacingOccurrences(of: "\\", with: "")
            #expect(text.contains("arc-local/platform/2510 must end first"), "\(format)")
        }
        // The updates themselves (2509, then 2510 in the same window) wait for factory-prod's bridge hop to 1.30.9.
        #expect(update.doneFirst.contains { $0.hasPrefix("factory-prod/kubernetes/1.30.9 must end first") && $0.contains("arc-local/platform/2509 waits for it") },
                "\(update.doneFirst)")
    }

    /// Every ticket's prerequisites are steps of the plan that end before the step that waits for them starts.
    @Test(arguments: TicketCommandTests.cases.map(\.asOf).indices)
    func everyPrerequisiteEndsBeforeTheChangeStarts(_ index: Int) throws {
        let (paths, asOf) = TicketCommandTests.cases[index]
        let (inputs, _) = TestSupport.load(paths: paths.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf))
        let ends = Dictionary(plan.steps.compactMap { step in step.end.map { (step.id, $0) } }, uniquingKeysWith: { first, _ in first })
        for ticket in ChangeTicket.tickets(for: plan, inputs: inputs) {
            for line in ticket.doneFirst {
                // Names may hold spaces (the hostile fixture): the id is what comes before " must end first".
                let id = try #require(line.range(of: " must end first").map { String(line[..<$0.lowerBound]) }, "\(line)")
                let end = try #require(ends[id], "\(line)")
                let waiting = ticket.event.steps.filter { $0.after.contains(id) }
                #expect(!waiting.isEmpty && waiting.allSatisfy { ($0.start.map { end <= $0 }) ?? false }, "\(line)")
            }
        }
    }
}
