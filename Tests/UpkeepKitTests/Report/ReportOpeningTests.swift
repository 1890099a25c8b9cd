import Foundation
import Testing
@testable import UpkeepKit

/// Issue 31: a large report opens with its summary and most urgent subjects, the rest on demand
/// (ReportRenderer+Deferred), and colours rows and bands by urgency. The examples stand in for a large fleet by
/// lowering the number of rows a report opens with all of.
@Suite("The report opens with what is urgent")
struct ReportOpeningTests {
    static let inputs = ["releases", "schedules", "examples/fleet.yaml"]

    static func plan() throws -> (Plan, InputSet) {
        let (inputs, log) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        #expect(log.errorCount == 0)
        return (Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-11-03")), inputs)
    }

    @Test func aLargeReportOpensWithItsMostUrgentRowsAndKeepsTheRestInInertBlocks() throws {
        let (plan, inputs) = try Self.plan()
        let html = ReportRenderer.render(plan, inputs: inputs, inlineRows: 3)
        let whole = ReportRenderer.render(plan, inputs: inputs)
        #expect(!whole.contains("class=\"deferred\"") && html.contains("<script type=\"text/html\" class=\"deferred\""))
        // The rows on the page before any block is brought in: the most urgent ones, out of support first.
        let blocks = try NSRegularExpression(pattern: "<script type=\"text/html\" class=\"deferred\"[^>]*>.*?</script>", options: [.dotMatchesLineSeparators])
        let opening = blocks.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
        let rowsOnOpening = opening.components(separatedBy: " data-subject=\"").count - 1
        #expect(rowsOnOpening == 3, "\(rowsOnOpening)")
        #expect(opening.contains("<div class=\"row cluster u-now\"") || opening.contains("<div class=\"row management-cluster u-now\""))
        // Every row is in the page once, shown or kept.
        let fleet = try #require(inputs.fleets.first)
        #expect(html.components(separatedBy: " data-subject=\"").count - 1 == fleet.clusters.count + fleet.managementClusters.count)
    }

    @Test(.enabled(if: ReportTests.chromium != nil, ReportTests.skipReason))
    func inChromiumTheKeptRowsComeInOnDemandAndALinkToAKeptStepFindsIt() throws {
        let folder = try ReportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (plan, inputs) = try Self.plan()
        let page = folder.appendingPathComponent("plan.html")
        try Data(ReportRenderer.render(plan, inputs: inputs, inlineRows: 3).utf8).write(to: page)
        let (_, rendered) = try ReportTests.check(page.path, in: folder)
        #expect(rendered.errors.isEmpty, "\(rendered.errors)")
        let opening = try #require(rendered.opening)
        let fleet = try #require(inputs.fleets.first)
        #expect(opening.deferred > 0 && opening.rows < fleet.clusters.count + fleet.managementClusters.count)
        #expect(opening.linkRevealed == true)
        // Brought in, every row and every placed step's mark is there, and no block is left.
        #expect(rendered.deferredAfter == 0)
        #expect(rendered.rows.count == fleet.clusters.count + fleet.managementClusters.count)
        #expect(Set(rendered.marks.map(\.step)) == Set(plan.steps.filter { $0.start != nil }.map(\.id)))
    }

    @Test func aRowOutOfSupportIsDrawnRedNotBlue() throws {
        let (plan, inputs) = try Self.plan()
        let html = ReportRenderer.render(plan, inputs: inputs)
        let outOfSupport = try #require(plan.clusters.first { $0.support?.isOutOfSupport == true })
        let start = try #require(html.range(of: "data-subject=\"\(outOfSupport.name)\""))
        let row = html[start.lowerBound...].prefix { $0 != "\n" }
        #expect(row.contains("class=\"band b-out\" data-band=\"0\""), "\(row.prefix(400))")
        let rowStart = html[..<start.lowerBound].suffix(80)
        #expect(rowStart.contains(" u-"), "\(rowStart)")
    }
}
