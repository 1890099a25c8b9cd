import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep diff OLD.json NEW.json`: steps matched by id, every exit code, a pull request comment under
/// 60,000 characters whatever the plans hold.
@Suite("upkeep diff")
struct DiffCommandTests {
    static let inputs = ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"]

    /// The sample plan on two dates, written into a fresh folder.
    static func twoPlans() throws -> (folder: URL, old: String, new: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("old.json").path, new = folder.appendingPathComponent("new.json").path
        for (date, path) in [("2024-07-01", old), ("2024-07-15", new)] {
            let run = try ValidateCommandTests.upkeep(["plan"] + inputs + ["--as-of", date, "--format", "json", "-o", path])
            #expect(run.status == 3, "\(run.output)")
        }
        return (folder, old, new)
    }

    @Test func samePlansExitZeroAndDifferentPlansExitTwoWithTheSummaryFirst() throws {
        let (folder, old, new) = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let same = try ValidateCommandTests.upkeep(["diff", old, old])
        #expect(same.status == 0 && same.output.hasPrefix("Plan diff: no step changed ("), "\(same.output)")
        let differs = try ValidateCommandTests.upkeep(["diff", old, new])
        #expect(differs.status == 2)
        // The summary agrees with the lines below it.
        let lines = differs.output.split(separator: "\n")
        let oldPlan = try #require(PlanFileReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: old)))))
        let newPlan = try #require(PlanFileReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: new)))))
        let diff = PlanDiff(old: oldPlan, new: newPlan)
        #expect(lines.first == Substring("Plan diff: " + diff.summary))
        #expect(lines.count { $0.hasPrefix("+ ") } == diff.added.count && lines.count { $0.hasPrefix("- ") } == diff.removed.count)
        #expect(lines.count { $0.hasPrefix("~ ") } == diff.changed.count)
        #expect(diff.added.count + diff.changed.count + diff.unchanged == newPlan.steps.count)
        #expect(diff.removed.count + diff.changed.count + diff.unchanged == oldPlan.steps.count)
        let json = try ValidateCommandTests.upkeep(["diff", old, new, "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((parsed["changed"] as? [Any])?.count == diff.changed.count && json.status == 2)
        // Added steps in the plan file's step shape: each is the new plan's step, field for field.
        let newFile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: new))) as? [String: Any])
        let newSteps = Dictionary(((newFile["steps"] as? [[String: Any]]) ?? []).map { ($0["id"] as? String ?? "", $0 as NSDictionary) }) { a, _ in a }
        let added = (parsed["added"] as? [[String: Any]]) ?? []
        #expect(!added.isEmpty || diff.added.isEmpty)
        for step in added {
            let id = step["id"] as? String ?? ""
            #expect(newSteps[id]?.isEqual(to: step) == true, "\(id)")
        }
    }

    @Test func aFileThatIsNotAPlanIsExitOneAndNamed() throws {
        let (folder, old, _) = try Self.twoPlans()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notAPlan = try ValidateCommandTests.upkeep(["diff", old, "README.md"])
        #expect(notAPlan.status == 1 && notAPlan.output.contains("README.md is not a plan file"))
        // Both problems are named in one run.
        let both = try ValidateCommandTests.upkeep(["diff", "README.md", "no-such-plan.json"])
        #expect(both.status == 1 && both.output.contains("README.md is not a plan file") && both.output.contains("cannot read no-such-plan.json"))
    }

    /// Two plans of 20,000 steps with no id in common, named with everything a table cell must escape.
    static func hostilePlans(steps: Int) -> (Plan, Plan) {
        func plan(_ prefix: String, status: PlanStep.Status) -> Plan {
            let day = CalendarDate(year: 2025, month: 11, day: 3)!
            let steps = (0..<steps).map { index in
                PlanStep(id: "\(prefix)-c|\(index)`<script>alert(1)</script>/kubernetes/1.31.\(index % 9)", kind: .kubernetesUpgrade,
                         cluster: "c|\(index) **x** [y](z) <img src=x onerror=alert(1)>", managementCluster: nil, nodePool: nil,
                         from: "1.30.1", to: "1.31.\(index % 9)", occurrence: nil, start: nil, end: nil, estimatedMinutes: 60,
                         due: day, dueReason: nil, status: status, after: [], reasons: [], fixes: [], knownIssues: [], nodeImages: [], order: index)
            }
            return Plan(asOf: day, horizonEnd: day.adding(days: 180), inputs: [], steps: steps,
                        findings: [Finding(.error, code: "step-late", subject: "cluster/\(prefix)|x", message: "late | `now`\nreally", position: nil)],
                        clusters: [])
        }
        return (plan("old", status: .scheduled), plan("new", status: .late))
    }

    @Test func theMarkdownOfPlansThatDifferEverywhereStaysUnderTheLimitAndParses() throws {
        let (old, new) = Self.hostilePlans(steps: 20_000)
        let diff = PlanDiff(old: old, new: new)
        #expect(diff.added.count == 20_000 && diff.removed.count == 20_000)
        let markdown = PlanDiffRenderer.markdown(diff)
        #expect(markdown.unicodeScalars.count <= PlanDiffRenderer.markdownLimit)
        #expect(markdown.contains("more rows not shown"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-diff-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(markdown.utf8).write(to: file)
        let checked = try TestSupport.python([TestSupport.tool("check_markdown_tables.py"), file.path])
        #expect(checked.status == 0, "\(checked.output)")
        struct Parsed: Decodable {
            struct Table: Decodable { var rows: Int; var ragged: Int }
            var length: Int
            var tables: [Table]
            var strayHTML: [String]
        }
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(checked.output.utf8))
        #expect(parsed.length <= 60_000)
        // Every row has its table's cells (no name broke out of its cell) and no name became HTML.
        #expect(!parsed.tables.isEmpty && parsed.tables.allSatisfy { $0.ragged == 0 && $0.rows > 0 })
        #expect(parsed.strayHTML.isEmpty, "\(parsed.strayHTML)")
    }
}
