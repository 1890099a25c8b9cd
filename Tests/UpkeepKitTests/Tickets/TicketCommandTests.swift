import Foundation
import Testing
@testable import UpkeepKit

/// Every command a ticket tells an operator to run is the documented command of its subject's platform.
@Suite("Ticket commands by platform")
struct TicketCommandTests {
    /// The example fleet on two dates, the 2024 sample fleet and the test fleets of every input kind and of hostile
    /// names: AKS hybrid, AKS Arc on Azure Local, an invented platform and standalone clusters, with platform updates
    /// and certificate rotations among their tickets.
    static let cases: [(paths: [String], asOf: String)] = [
        (["releases", "schedules", "examples/fleet.yaml"], "2025-11-17"),
        (["releases", "schedules", "examples/fleet.yaml"], "2026-03-01"),
        (["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"], "2024-07-01"),
        (["Tests/UpkeepKitTests/Fixtures/kinds"], "2024-07-01"),
        (["Tests/UpkeepKitTests/Fixtures/hostile"], "2024-07-01"),
    ]

    static func tickets(_ paths: [String], asOf: String) -> (InputSet, [ChangeTicket]) {
        let (inputs, _) = TestSupport.load(paths: paths.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        return (inputs, ChangeTicket.tickets(for: Planner.plan(inputs: inputs, asOf: SupportFixtures.date(asOf)), inputs: inputs))
    }

    /// The commands of a ticket: the text between `TicketCommands.code` marks.
    static func commands(_ ticket: ChangeTicket) -> [String] {
        commands(in: ticket.implementation + ticket.backout + ticket.tests)
    }

    /// The commands of some lines, in order: the text between `TicketCommands.code` marks.
    static func commands(in lines: [String]) -> [String] {
        lines.flatMap { line in
            line.components(separatedBy: TicketCommands.code).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
    }

    enum Family: String { case aksHybrid, aksArc, azureLocal, kubectl, upkeep, other }

    static func family(_ command: String) -> Family {
        if command.hasPrefix("kubectl ") || command == "kubectl" { return .kubectl }
        if command.hasPrefix("upkeep ") { return .upkeep }
        if command.hasPrefix("az aksarc ") { return .aksArc }
        if command.contains("SolutionUpdate") { return .azureLocal }
        if command.contains("AksHci") || command.hasPrefix("-fix") { return .aksHybrid }
        if command == "-IgnoreWarnings" { return .azureLocal }
        return .other
    }

    @Test func noTicketHoldsACommandOfAnotherPlatform() {
        var seen: Set<String> = []
        for (paths, asOf) in Self.cases {
            let (_, tickets) = Self.tickets(paths, asOf: asOf)
            for ticket in tickets {
                let allowed: Set<Family> = switch ticket.platform {
                case "aks-hybrid": [.aksHybrid, .kubectl, .upkeep]
                case "aks-arc": ticket.event.subject.hasPrefix("cluster/") ? [.aksArc, .kubectl, .upkeep] : [.azureLocal, .upkeep]
                default: [.kubectl, .upkeep]
                }
                for command in Self.commands(ticket) {
                    let family = Self.family(command)
                    #expect(allowed.contains(family), "\(ticket.event.name) (\(ticket.platform ?? "standalone")): \(command)")
                    seen.insert("\(ticket.platform ?? "standalone") \(family.rawValue)")
                }
            }
        }
        // Every platform's tickets were looked at.
        for kind in ["aks-hybrid aksHybrid", "aks-arc aksArc", "aks-arc azureLocal", "standalone kubectl"] { #expect(seen.contains(kind), "\(kind)") }
    }

    @Test func aStandaloneClusterGetsNoPlatformCommand() throws {
        let (_, tickets) = Self.tickets(Self.cases[0].paths, asOf: "2025-11-17")
        let edge = try #require(tickets.first { $0.event.name == "store-edge" })
        #expect(Self.commands(edge).allSatisfy { Self.family($0) == .kubectl || Self.family($0) == .upkeep }, "\(Self.commands(edge))")
        #expect(edge.implementation.contains { $0.contains("the inventory does not say what manages store-edge") })
    }

    /// Each AKS hybrid certificate rotation names every workload cluster of its management cluster.
    @Test func anAksHybridCertificateRotationNamesEachWorkloadClustersCommand() throws {
        var rotations = 0
        for (paths, asOf) in Self.cases {
            let (inputs, tickets) = Self.tickets(paths, asOf: asOf)
            for ticket in tickets where ticket.platform == "aks-hybrid" && ticket.event.steps.contains(where: { $0.kind == .certificateRotation }) {
                rotations += 1
                let commands = Self.commands(ticket)
                #expect(commands.contains("Update-AksHciCertificates"))
                let clusters = inputs.clusters.filter { $0.managementCluster?.name == ticket.event.name }.map(\.name)
                #expect(!clusters.isEmpty)
                for cluster in clusters {
                    #expect(commands.contains("Update-AksHciClusterCertificates -name '\(cluster)' -fixCloudCredentials"), "\(cluster)")
                    #expect(commands.contains("Update-AksHciClusterCertificates -name '\(cluster)' -fixKubeletCredentials"), "\(cluster)")
                }
            }
        }
        #expect(rotations > 0)
    }

    /// An Azure Local platform update gives the solution update procedure, not Kubernetes checks.
    @Test func anAzureLocalUpdateFollowsTheSolutionUpdateProcedure() throws {
        let (_, tickets) = Self.tickets(Self.cases[0].paths, asOf: "2025-11-17")
        let update = try #require(tickets.first { $0.platform == "aks-arc" && $0.event.steps.contains { $0.kind == .platformUpdate } })
        let commands = Self.commands(update)
        let prepare = try #require(commands.firstIndex(of: "Get-SolutionUpdate -Id <ResourceId> | Start-SolutionUpdate -PrepareOnly"))
        let install = try #require(commands.firstIndex(of: "Get-SolutionUpdate -Id <ResourceId> | Start-SolutionUpdate"))
        #expect(commands.first == "Get-SolutionUpdateEnvironment" && prepare < install)
        #expect(update.tests.contains { $0.contains("Get-SolutionUpdateEnvironment | ft State, CurrentVersion") })
        #expect(!(update.implementation + update.backout + update.tests).contains { $0.contains("kubectl") || $0.contains("Kubernetes upgrades cannot") })
    }

    /// Every platform command's line names the page that documents it.
    @Test func everyPlatformCommandNamesItsPage() {
        let (_, tickets) = Self.tickets(Self.cases[0].paths, asOf: "2025-11-17")
        for ticket in tickets {
            for line in ticket.implementation where line.contains(TicketCommands.code) && !line.contains("kubectl") {
                #expect(line.contains("(documented at https://learn.microsoft.com/") || line.contains("kubernetes.io/docs/"), "\(line)")
            }
        }
    }
}
