import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep report`: a self-contained HTML page, rendered in Debian's headless chromium (installed by `make
/// test`), checked through its DOM.
@Suite("The HTML report")
struct ReportTests {
    static let inputs = ["releases", "schedules", "examples/fleet.yaml"]

    /// Where chromium is, when it is installed.
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let skipReason: Comment = "chromium is not installed: `make test` installs Debian's chromium with apt-get when it runs as root or with sudo; install the package to run this test"

    struct Rendered: Decodable {
        struct Span: Decodable { var left: Double; var right: Double; var width: Double; var band: Int?; var text: String? }
        struct End: Decodable { var kind: String; var band: Int; var x: Double }
        struct Row: Decodable { var subject: String; var kind: String; var bands: [Span]; var ends: [End]; var rects: [Span]; var labels: [Span] }
        struct Mark: Decodable { var step: String; var start: String; var left: Double }
        var rows: [Row]
        var marks: [Mark]
        var legend: [String]
        var errors: [String]
        var alerts: Int
        var scripts: Int
        var images: Int
        var frames: Int
        var screenshotBytes: Int
        struct Opening: Decodable { var rows: Int; var deferred: Int; var linkRevealed: Bool? }
        /// What the page opened with, before its deferred blocks were brought in.
        var opening: Opening?
        var deferredAfter: Int?
    }

    static func render(_ arguments: [String], in folder: URL) throws -> (html: String, rendered: Rendered) {
        let page = folder.appendingPathComponent("plan.html").path
        let run = try ValidateCommandTests.upkeep(["report"] + arguments + ["-o", page])
        #expect(run.status == 0, "\(run.output)")
        return try check(page, in: folder)
    }

    /// The page at `page` opened in chromium by check_report_in_chromium.py.
    static func check(_ page: String, in folder: URL) throws -> (html: String, rendered: Rendered) {
        let checked = try TestSupport.python([TestSupport.tool("check_report_in_chromium.py"), page, folder.appendingPathComponent("plan.png").path])
        #expect(checked.status == 0, "\(checked.output)")
        let rendered = try JSONDecoder().decode(Rendered.self, from: Data(checked.output.utf8))
        return (try String(contentsOfFile: page, encoding: .utf8), rendered)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: chromium != nil, skipReason))
    func theExamplesRenderInChromiumWithARowPerClusterAndAMarkPerPlacedStep() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, rendered) = try Self.render(Self.inputs + ["--as-of", "2025-11-03"], in: folder)
        #expect(rendered.errors.isEmpty, "\(rendered.errors)")
        #expect(rendered.screenshotBytes > 10_000)
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let fleet = try #require(inputs.fleets.first)
        #expect(rendered.rows.count == fleet.managementClusters.count + fleet.clusters.count)
        #expect(rendered.rows.count { $0.kind == "management-cluster" } == fleet.managementClusters.count)
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-11-03"))
        let placed = plan.steps.filter { $0.start != nil }
        #expect(rendered.marks.count == placed.count && !placed.isEmpty)
        #expect(Set(rendered.marks.map(\.step)) == Set(placed.map(\.id)))
        // Left to right in time: ordered by start, the marks' left edges never go back.
        let ordered = rendered.marks.sorted { $0.start != $1.start ? $0.start < $1.start : $0.left < $1.left }
        #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0.left <= $1.left + 0.5 }, "\(ordered.map { ($0.start, $0.left) })")
    }

    /// On the examples on three dates: each support end sits on the band of its own version, every step mark is
    /// wide enough to show its fill, no version label is covered by a mark, and the legend names every colour.
    @Test(.enabled(if: chromium != nil, skipReason), arguments: ["2025-11-17", "2026-03-01", "2026-12-05"])
    func marksSitOnTheirOwnBandsAndLabelsStayReadable(_ asOf: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, rendered) = try Self.render(Self.inputs + ["--as-of", asOf], in: folder)
        #expect(rendered.errors.isEmpty, "\(rendered.errors)")
        var ends = 0
        for row in rendered.rows {
            for end in row.ends {
                ends += 1
                let band = try #require(row.bands.first { $0.band == end.band }, "\(row.subject) \(end.kind)")
                #expect(end.x >= band.left - 0.5 && end.x <= band.right + 0.5, "\(row.subject) \(end.kind) at \(end.x), band \(end.band) \(band.left)–\(band.right)")
            }
            for rect in row.rects { #expect(rect.width >= ReportRenderer.minimumMarkWidth - 0.01, "\(row.subject) \(rect.width)") }
            for label in row.labels {
                #expect(!row.rects.contains { $0.left < label.right && $0.right > label.left }, "\(row.subject): \(label.text ?? "") is covered")
            }
        }
        #expect(ends > 0)
        for words in ["version", "support of the version it runs now ends", "where the plan's steps leave it", "late step", "freeze"] {
            #expect(rendered.legend.contains { $0.contains(words) }, "\(words)")
        }
    }

    @Test(.enabled(if: chromium != nil, skipReason))
    func hostileNamesAndTextsShowAsTextAndRunNothing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "a&b 'q' \"dq\"", "שלום-עולם ‮evil"]
        var fleet = "apiVersion: upkeep/v1\nkind: Fleet\nname: hostile\nclusters:\n"
        for name in names {
            let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            fleet += "  - name: \(quoted)\n    kubernetesVersion: 1.32.0\n    window: first-of-month\n    nodePools:\n"
            fleet += "      - { name: \(quoted), os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.32.0, nodeImage: \"202510.22.0\", nodes: 1 }\n"
        }
        try Data(fleet.utf8).write(to: folder.appendingPathComponent("fleet.yaml"))
        let (html, rendered) = try Self.render(["releases", "schedules", folder.appendingPathComponent("fleet.yaml").path, "--as-of", "2025-11-03"], in: folder)
        #expect(rendered.errors.isEmpty && rendered.alerts == 0, "\(rendered.errors)")
        // The page's own script and the checker's: no element came from a name.
        #expect(rendered.scripts == 2 && rendered.images == 0 && rendered.frames == 0)
        #expect(Set(rendered.rows.map(\.subject)) == Set(names))
        #expect(!html.contains("<script>alert") && !html.contains("<img"))
        // The same names kept in a large report's deferred blocks, brought in by its script: still only text.
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules"].map { TestSupport.packageRoot.appendingPathComponent($0).path }
                                           + [folder.appendingPathComponent("fleet.yaml").path])
        let page = folder.appendingPathComponent("deferred.html")
        let deferred = ReportRenderer.render(Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2025-11-03")), inputs: inputs, inlineRows: 0)
        try Data(deferred.utf8).write(to: page)
        let (_, brought) = try Self.check(page.path, in: folder)
        #expect((brought.opening?.deferred ?? 0) > 0 && brought.deferredAfter == 0)
        #expect(brought.errors.isEmpty && brought.alerts == 0 && brought.scripts == 2 && brought.images == 0 && brought.frames == 0, "\(brought.errors)")
        #expect(Set(brought.rows.map(\.subject)) == Set(names))
    }

    @Test func thePageFetchesNothingAndIsTheSameBytesEveryRun() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.html").path, second = folder.appendingPathComponent("b.html").path
        #expect(try ValidateCommandTests.upkeep(["report"] + Self.inputs + ["--as-of", "2025-11-03", "-o", first]).status == 0)
        #expect(try ValidateCommandTests.upkeep(["report", "examples/fleet.yaml", "schedules", "releases", "--as-of", "2025-11-03", "-o", second]).status == 0)
        let page = try String(contentsOfFile: first, encoding: .utf8)
        #expect(page == (try String(contentsOfFile: second, encoding: .utf8)))
        #expect(!page.contains("http://") && !page.contains("https://"))
        #expect(!page.contains(" src=") && !page.contains("<link") && !page.contains("@import") && !page.contains("url(http"))
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("data-subject=\"factory-prod\""))
    }

    @Test func htmlEscapingCoversTextAndAttributes() {
        #expect(HTMLText.escape("plain-name_1.2") == "plain-name_1.2")
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.escape("tab\there") == "tab here")
    }
}
