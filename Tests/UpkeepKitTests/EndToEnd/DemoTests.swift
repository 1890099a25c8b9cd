import Foundation
import Testing
@testable import UpkeepKit

/// The demo: the sample fleet in examples/ on the Makefile's DEMO_DATE (late 2025, inside the newest facts of
/// the shipped feeds), through the built binary.
@Suite("The demo fleet on the demo date")
struct DemoTests {
    static let inputs = ["releases", "schedules", "examples/fleet.yaml"]

    static func demoDate() throws -> String {
        let makefile = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let line = try #require(makefile.split(separator: "\n").first { $0.hasPrefix("DEMO_DATE = ") })
        return String(line.dropFirst("DEMO_DATE = ".count))
    }

    /// The newest day the shipped feeds still describe: on or after the newest AKS Arc release whose versions are
    /// published, and before the first release known to exist whose versions are not.
    @Test func theDemoDateIsTheNewestDayTheFeedsDescribe() throws {
        let date = try #require(CalendarDate(parsing: try Self.demoDate()))
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let arc = try #require(inputs.platformFeeds.first { $0.platform == "aks-arc" })
        let newestPublished = try #require(arc.releases.filter(\.versionsPublished).map(\.released).max())
        let firstUnknown = try #require(arc.releases.filter { !$0.versionsPublished && $0.released > newestPublished }.map(\.released).min())
        #expect(newestPublished <= date && date.adding(days: 1) == firstUnknown, "the demo date should be the day before \(firstUnknown)")
    }

    @Test func theDemoPlanMatchesItsGoldenFileAndHoldsThePlanningRules() throws {
        let date = try Self.demoDate()
        let run = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--as-of", date])
        #expect(run.status == 3)  // factory-prod's hop off 1.29 is late on the demo date
        let file = PlanCommandTests.golden.appendingPathComponent("demo-plan-\(date).txt")
        if ProcessInfo.processInfo.environment["UPKEEP_UPDATE_GOLDEN"] == "1" {
            try Data(run.output.utf8).write(to: file)
        }
        #expect(run.output == (try String(contentsOf: file, encoding: .utf8)))
        #expect(!run.output.contains("dependency-cycle"))
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: try #require(CalendarDate(parsing: date)))
        // The Arc cluster on 1.29 bridges to 1.30 on 2508, arc-local moves to 2510, staging takes 2510's 1.30 patch.
        #expect(plan.steps.contains { $0.kind == .platformUpdate && $0.managementCluster == "arc-local" && $0.to == "2510" && $0.start != nil })
        #expect(plan.steps.contains { $0.cluster == "quality-staging" && $0.to == "1.30.14" && $0.start != nil })
        PlanInvariants.check(plan, inputs: inputs)
    }

    @Test func theDemoStatusNamesTheSupportEnds() throws {
        let run = try ValidateCommandTests.upkeep(["status"] + Self.inputs + ["--as-of", try Self.demoDate()])
        #expect(run.output.contains("Management cluster arc-plant (aks-arc 2510): supported, until 2026-04-24"))
        #expect(run.output.contains("Kubernetes 1.29 support on aks-arc ends on 2025-10-31"))
    }
}
