import Foundation
import Testing
@testable import UpkeepKit

/// Issue 31, first part: `upkeep --version`, and advice that never names a day already past — a step due before the
/// plan starts is late whatever the windows do, and its finding and `explain` say so instead of asking for an
/// occurrence "before" that day.
@Suite("Advice never in the past; upkeep --version")
struct AdviceNeverInThePastTests {
    static let inputs = ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026"]

    @Test func versionPrintsTheToolsVersion() throws {
        let run = try ValidateCommandTests.upkeep(["--version"])
        #expect(run.status == 0 && run.output == ToolVersion.current + "\n")
    }

    @Test func aStepDueBeforeThePlanStartsIsNotAdvisedAnOccurrenceBeforeItsDueDay() throws {
        let (inputs, log) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0)
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2026-12-07"))
        let pastDue = plan.steps.filter { $0.status == .late && ($0.due.map { $0 < plan.asOf } ?? false) }
        try #require(!pastDue.isEmpty)
        for step in pastDue {
            let finding = try #require(plan.findings.first { $0.code == "step-late" && $0.message.hasPrefix("\(step.id) ") })
            #expect(!finding.message.contains("would make it on time") && finding.message.contains("it was due before the plan starts (2026-12-07)"), "\(finding.message)")
            let explained = try #require(StepExplanation(id: step.id, plan: plan, windowOf: { _ in "w" }, entryOf: { _ in nil }))
            // The finding and explain give the same advice, in the same words.
            let advice = StepFindings.lateAdvice(due: step.due, asOf: plan.asOf, window: "window w")
            #expect(explained.fix?.contains("before \(step.due?.description ?? "")") == false && explained.fix?.contains(advice) == true
                    && advice.contains("no occurrence makes it on time"), "\(explained.fix ?? "")")
        }
        // A step late for a due date still ahead keeps the advice that can help.
        let ahead = plan.steps.filter { $0.status == .late && ($0.due.map { $0 >= plan.asOf } ?? false) }
        for step in ahead {
            #expect(plan.findings.contains { $0.message.hasPrefix("\(step.id) ") && $0.message.contains("would make it on time") })
        }
    }

    /// The report's "Nearest deadlines" are deadlines still ahead; the steps already past due are one line.
    @Test func theReportsNearestDeadlinesAreStillAhead() throws {
        let folder = try CheckCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html").path
        _ = try ValidateCommandTests.upkeep(["report"] + Self.inputs + ["--as-of", "2026-12-07", "-o", file])
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let list = try #require(html.components(separatedBy: "<ol class=\"deadlines\">").dropFirst().first?.components(separatedBy: "</ol>").first)
        let items = list.components(separatedBy: "<li").dropFirst()
        #expect(items.first?.contains("past due already (the earliest due 2025-05-14)") == true, "\(list)")
        let dues = items.compactMap { item in item.range(of: ": due ").map { String(item[$0.upperBound...].prefix(10)) } }
        #expect(!dues.isEmpty && dues.allSatisfy { $0 >= "2026-12-07" }, "\(dues)")
    }
}
