import Foundation
import Testing
@testable import UpkeepKit

/// Issue 31's "done when", on the messy fleet: the first GitHub annotations are the most urgent errors, and
/// `--cluster` / `--until` are views of the whole plan, never a different plan.
@Suite("What to do first: urgency, views of one cluster, stable ids")
struct WhatToDoFirstTests {
    typealias P = PlanFixtures
    static let inputs = ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026", "--as-of", "2026-12-07"]

    static func messyPlan() throws -> (Plan, InputSet) {
        let (inputs, log) = TestSupport.load(paths: ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0)
        return (Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-12-07")), inputs)
    }

    @Test func githubAnnotationsLeadWithTheMostUrgentErrors() throws {
        let run = try ValidateCommandTests.upkeep(["check"] + Self.inputs + ["--format", "github"])
        #expect(run.status == 3)
        let (plan, _) = try Self.messyPlan()
        let urgency = Dictionary(plan.findings.map { ("\($0.code) \($0.subject)", FindingCatalog.urgency(of: $0, asOf: plan.asOf)) }, uniquingKeysWith: min)
        // Each error annotation's class, in the order shown: never a less urgent one before a more urgent one.
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("::error file=") }
        let classes = errors.compactMap { line -> FindingCatalog.Urgency? in
            guard let title = line.range(of: "title="), let body = line.range(of: "::", range: title.upperBound..<line.endIndex) else { return nil }
            let code = String(line[title.upperBound..<body.lowerBound])
            let subject = line[body.upperBound...].prefix { $0 != ":" && $0 != " " }
            return urgency["\(code) \(subject)"] ?? urgency.first { $0.key.hasPrefix(code + " ") }?.value
        }
        #expect(errors.count == 9 && classes.count == 9, "\(errors)")
        #expect(classes == classes.sorted(), "\(classes)")
        // The management clusters out of support are among the ten shown, not among the "more errors".
        #expect(errors.contains { $0.contains("management-cluster/arc-tokyo") }, "\(errors)")
    }

    @Test func checkTextFitsOneHundredTwentyColumns() throws {
        let run = try ValidateCommandTests.upkeep(["check"] + Self.inputs)
        let wide = run.output.split(separator: "\n").filter { $0.count > 120 }
        #expect(run.output.count > 1000 && wide.isEmpty, "\(wide.prefix(2))")
    }

    @Test func planOfOneClusterShowsItAndTheStepsItWaitsForAsTheWholePlanHasThem() throws {
        let (whole, inputs) = try Self.messyPlan()
        let view = PlanView(names: ["ledger-prod"]).apply(to: whole, inputs: inputs)
        let own = whole.steps.filter { $0.cluster == "ledger-prod" }
        #expect(!own.isEmpty && own.allSatisfy { step in view.steps.contains { $0.id == step.id } })
        // Everything else in the view is a step ledger-prod waits for, directly or through another.
        var waitedFor = Set(own.flatMap(\.after))
        for step in view.steps.reversed() where waitedFor.contains(step.id) { waitedFor.formUnion(step.after) }
        #expect(view.steps.allSatisfy { $0.cluster == "ledger-prod" || waitedFor.contains($0.id) })
        #expect(view.steps.contains { $0.kind == .platformUpdate && $0.managementCluster == "arc-newyork" })
        // The same steps at the same times: a view, never a different plan.
        for step in view.steps {
            let same = try #require(whole.steps.first { $0.id == step.id })
            #expect(same.start == step.start && same.to == step.to && same.status == step.status)
        }
        #expect(view.clusters.map(\.name) == ["ledger-prod"] && view.managementClusters.map(\.name) == ["arc-newyork"])
        #expect(!view.findings.contains { $0.subject.hasPrefix("cluster/") && !$0.subject.hasPrefix("cluster/ledger-prod") })
        let text = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--cluster", "ledger-prod"]).output
        #expect(text.contains("View of the whole plan: cluster ledger-prod and the steps it waits for.") && !text.contains("shop-dev/") && !text.contains("cluster/shop-dev"))
    }

    @Test func aViewsPlanFileSaysItIsAViewAndFitsTheSchema() throws {
        let folder = try CalendarTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("view.json").path
        _ = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--cluster", "ledger-prod", "--until", "2027-01-01", "--format", "json", "-o", file])
        let schema = TestSupport.packageRoot.appendingPathComponent("schemas/plan.schema.json").path
        let checked = try TestSupport.python([TestSupport.tool("validate_plan.py"), schema, file])
        #expect(checked.status == 0, "\(checked.output)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("\"view\": {") && text.contains("\"until\": \"2027-01-01\""))
        // A view is not the plan of the inputs: check says it is stale.
        let check = try ValidateCommandTests.upkeep(["check"] + Self.inputs.dropLast(2) + ["--plan", file])
        #expect(check.output.contains("plan-stale"))
    }

    @Test func aManagementClustersNameShowsItAndTheClustersItHosts() throws {
        let (whole, inputs) = try Self.messyPlan()
        let view = PlanView(names: ["arc-newyork"]).apply(to: whole, inputs: inputs)
        let hosted = Set(inputs.clusters.filter { $0.managementCluster?.name == "arc-newyork" }.map(\.name))
        #expect(!hosted.isEmpty && Set(view.clusters.map(\.name)) == hosted)
        #expect(view.steps.contains { $0.managementCluster == "arc-newyork" && $0.cluster == nil })
    }

    @Test func anUnknownClusterNameIsRefusedWithTheClosestName() throws {
        for command in ["plan", "status", "explain"] {
            let run = try ValidateCommandTests.upkeep([command] + Self.inputs + ["--cluster", "ledgr-prod"])
            #expect(run.status == 1 && run.output.contains("--cluster ledgr-prod: the fleet has no cluster or management cluster of that name; did you mean \"ledger-prod\"?"), "\(command): \(run.output)")
        }
    }

    @Test func untilKeepsWhatHappensBeforeTheDay() throws {
        let (whole, inputs) = try Self.messyPlan()
        let until = SupportFixtures.date("2026-12-14")
        let view = PlanView(until: until).apply(to: whole, inputs: inputs)
        let day = Instant(startOf: until)
        #expect(!view.steps.isEmpty && view.steps.count < whole.steps.count)
        #expect(view.steps.allSatisfy { step in step.start.map { $0 < day } ?? (step.due.map { $0 < until } ?? true) })
        #expect(whole.steps.filter { ($0.start.map { $0 < day }) == true }.count == view.steps.filter { $0.start != nil }.count)
        #expect(view.findings.allSatisfy { $0.due.map { $0 < until } ?? true })
        // The plan is the whole horizon's: the horizon is not shortened.
        #expect(view.horizonEnd == whole.horizonEnd)
    }

    @Test func statusOfOneClusterHasOnlyItsRows() throws {
        let run = try ValidateCommandTests.upkeep(["status"] + Self.inputs + ["--cluster", "shop-dev", "--format", "json"])
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let clusters = (root["clusters"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(clusters == ["shop-dev"])
        #expect(((root["view"] as? [String: Any])?["clusters"] as? [String]) == ["shop-dev"])
    }

    @Test func explainOfOneClusterExplainsEachOfItsStepsAndWhatItWaitsFor() throws {
        let run = try ValidateCommandTests.upkeep(["explain"] + Self.inputs + ["--cluster", "ledger-prod", "--format", "json"])
        #expect(run.status == 0, "\(run.output)")
        let steps = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
        let ids = steps.compactMap { $0["id"] as? String }
        #expect(ids.contains("ledger-prod/kubernetes/1.30.9") && ids.contains("arc-newyork/platform/2510"), "\(ids)")
        let outside = try ValidateCommandTests.upkeep(["explain", "edge-tokyo/kubernetes/1.35.8"] + Self.inputs + ["--cluster", "ledger-prod"])
        #expect(outside.status == 1 && outside.output.contains("is in the plan but not in this view"), "\(outside.output)")
    }

    /// A calendar of one cluster, replacing one of the whole fleet: what the view leaves out is not cancelled.
    @Test func aCalendarViewCancelsNothingItLeavesOut() throws {
        let folder = try CalendarTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = folder.appendingPathComponent("plan.json").path
        _ = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--format", "json", "-o", previous])
        let ics = folder.appendingPathComponent("one.ics").path
        let run = try ValidateCommandTests.upkeep(["calendar"] + Self.inputs + ["--cluster", "ledger-prod", "--previous", previous, "-o", ics])
        #expect(run.status == 0, "\(run.output)")
        let events = try #require(try CalendarTests.check([ics]).first?.events)
        #expect(!events.isEmpty && events.allSatisfy { $0.status != "CANCELLED" }, "\(events.map(\.status))")
    }

    /// A step without a slot names the patch it would take, as when it is placed: its id keeps its shape.
    @Test func aStepsIDHasOneShapeWhetherItIsPlacedOrBlocked() throws {
        let feed = SchedulingTests.feed
        let running = P.Cluster(name: "sleepy", version: "1.28.1")
        let stopped = P.Cluster(name: "sleepy", version: "1.28.1", extra: "    state: { stoppedSince: 2024-06-20 }\n")
        let (placed, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [running]), policy: P.policy("target: latest\n"))
        let (blocked, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [stopped]), policy: P.policy("target: latest\n"))
        let placedStep = try #require(placed.steps(of: "sleepy").first)
        let blockedStep = try #require(blocked.steps(of: "sleepy").first)
        #expect(placedStep.status != .blocked && blockedStep.status == .blocked)
        #expect(blockedStep.id == placedStep.id && blockedStep.id == "sleepy/kubernetes/1.29.1", "\(blockedStep.id)")
    }
}
