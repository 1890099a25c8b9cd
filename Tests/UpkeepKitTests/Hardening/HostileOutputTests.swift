import Foundation
import Testing
@testable import UpkeepKit

/// One fleet of hostile names and texts (Fixtures/hostile) planned and rendered in every format; each output is
/// parsed by a parser of its own format and every name must come back as text, with nothing turned into markup.
@Suite("Hostile names in every output")
struct HostileOutputTests {
    static let fixture = "Tests/UpkeepKitTests/Fixtures/hostile"
    static let cluster = "pay|ments <script>alert(1)</script> \"q\" 'q' ; , \\ ../ 🚀 שלום"
    static let management = "mgmt|<i>m</i>"
    static let window = "win;dow,<i>x</i> \\ \"q\""

    @Test func everyFormatParsesAndShowsTheNamesAsText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let inputs = [Self.fixture, "--as-of", "2024-07-01"]
        func run(_ arguments: [String], allowed: [Int32] = [0, 3], into file: String? = nil) throws {
            let result = try ValidateCommandTests.upkeep(arguments)
            #expect(allowed.contains(result.status), "\(arguments.first ?? ""): \(result.output.prefix(500))")
            if let file { try Data(result.output.utf8).write(to: folder.appendingPathComponent(file)) }
        }
        for (format, file) in [("text", "plan.txt"), ("markdown", "plan.md"), ("json", "plan.json"), ("yaml", "plan.yaml")] {
            try run(["plan"] + inputs + ["--format", format, "-o", path(file)])
        }
        try run(["status"] + inputs + ["--format", "json"], into: "status.json")
        try run(["status"] + inputs + ["--format", "markdown"], into: "status.md")
        try run(["calendar"] + inputs + ["-o", path("calendar.ics")])
        for format in ["markdown", "servicenow", "jira"] {
            try run(["tickets"] + inputs + ["--format", format, "-o", path("tickets-\(format)")])
            // The management cluster's tickets name it, not the cluster: they are checked by the ticket tests.
            let files = try FileManager.default.contentsOfDirectory(atPath: path("tickets-\(format)"))
            for file in files where file.hasPrefix("mgmt-") { try FileManager.default.removeItem(atPath: path("tickets-\(format)/\(file)")) }
            #expect(files.count { !$0.hasPrefix("mgmt-") && !$0.hasPrefix(".") } >= 1)
        }
        try run(["plan", Self.fixture, "--as-of", "2024-06-20", "--format", "json", "-o", path("before.json")])
        try run(["diff", path("before.json"), path("plan.json"), "--format", "markdown"], allowed: [2], into: "diff.md")
        try run(["diff", path("before.json"), path("plan.json")], allowed: [2], into: "diff.txt")
        try FileManager.default.removeItem(atPath: path("before.json"))
        try run(["check"] + inputs + ["--format", "github"], into: "check.github")
        try run(["check"] + inputs + ["--format", "sarif"], into: "check.sarif")
        let plan = try #require(PlanFileReader.read([UInt8](try Data(contentsOf: folder.appendingPathComponent("plan.json")))))
        let step = try #require(plan.steps.first { $0.cluster == Self.cluster })
        try run(["explain", step.id] + inputs + ["--format", "json"], allowed: [0], into: "explain.json")
        try run(["explain", step.id] + inputs, allowed: [0], into: "explain.txt")

        let names: [String: [String]] = [
            "*": [Self.cluster],
            "plan": [Self.cluster, Self.management],
            "status": [Self.cluster, Self.management],
            "calendar": [Self.cluster, Self.window],
        ]
        try JSONEncoder().encode(names).write(to: folder.appendingPathComponent(".names.json"))
        let checked = try TestSupport.python([TestSupport.tool("check_hostile_outputs.py"), folder.path, path(".names.json")])
        #expect(checked.status == 0, "\(checked.output)")
        let files = (try? JSONDecoder().decode([String].self, from: Data(checked.output.utf8))) ?? []
        #expect(files.count >= 15, "\(files)")
        // The SARIF against its schema too.
        let schema = TestSupport.packageRoot.appendingPathComponent("schemas/sarif-2.1.0-subset.schema.json").path
        #expect(try TestSupport.python([TestSupport.tool("validate_plan.py"), schema, path("check.sarif")]).status == 0)
    }

    @Test(.enabled(if: ReportTests.chromium != nil, ReportTests.skipReason))
    func theReportShowsTheNamesAsTextInChromium() throws {
        let folder = try ReportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (html, rendered) = try ReportTests.render([Self.fixture, "--as-of", "2024-07-01"], in: folder)
        #expect(rendered.errors.isEmpty && rendered.alerts == 0 && rendered.images == 0 && rendered.scripts == 2, "\(rendered.errors)")
        #expect(Set(rendered.rows.map(\.subject)) == [Self.cluster, Self.management])
        #expect(!html.contains("<script>alert") && !html.contains("<img") && !html.contains("<i>m</i>"))
    }
}
