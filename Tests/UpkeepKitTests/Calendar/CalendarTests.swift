import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep calendar`: RFC 5545 files that Python's icalendar parses and vobject validates.
@Suite("Maintenance calendars")
struct CalendarTests {
    typealias P = PlanFixtures
    static let inputs = ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"]
    static let checker = TestSupport.packageRoot.appendingPathComponent("Tests/tools/check_ics.py").path

    struct Event: Decodable {
        var uid: String
        var status: String
        var sequence: Int
        var start: String
        var end: String
        var summary: String
        var description: String
        var categories: [String]
    }
    struct File: Decodable {
        var file: String
        var events: [Event]
    }

    /// Runs the Python checker on files; a failure is recorded with its message.
    static func check(_ paths: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [File] {
        let (status, output) = try TestSupport.python([checker] + paths)
        #expect(status == 0, "\(output)", sourceLocation: sourceLocation)
        return output.split(separator: "\n").compactMap { try? JSONDecoder().decode(File.self, from: Data($0.utf8)) }
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theExamplesCalendarHasOneValidEventPerSubjectAndOccurrence() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.ics").path
        let run = try ValidateCommandTests.upkeep(["calendar"] + Self.inputs + ["--as-of", "2024-07-01", "-o", file])
        #expect(run.status == 0, "\(run.output)")
        let checked = try Self.check([file])
        let events = try #require(checked.first?.events)
        // One event per subject and window occurrence of the plan.
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"))
        let occurrences = Set(plan.steps.compactMap { step in step.occurrence.map { "\(step.subject)|\($0.window)|\($0.start)" } })
        #expect(events.count == occurrences.count && events.count > 5)
        // Late steps make an event tentative; the summary names the subject and what moves.
        for event in MaintenanceEvent.events(of: plan) {
            let written = try #require(events.first { $0.uid == event.uid })
            #expect(written.status == (event.isLate ? "TENTATIVE" : "CONFIRMED"))
            #expect(written.start == event.start.description && written.end == event.end.description)
            #expect(written.summary.hasPrefix("\(event.name): "))
            for step in event.steps { #expect(written.description.contains(step.id)) }
        }
        let payments = try #require(events.first { $0.summary.hasPrefix("payments-prod: Kubernetes") })
        #expect(payments.summary == "payments-prod: Kubernetes 1.26.6 → 1.26.12")
        #expect(payments.description.contains("fixes: CVE-2023-3676, CVE-2023-3955, CVE-2023-5528") && payments.categories.contains("ring prod"))
    }

    @Test func uidsAndBytesAreTheSameAcrossRunsAndInputOrders() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.ics").path, second = folder.appendingPathComponent("b.ics").path
        _ = try ValidateCommandTests.upkeep(["calendar"] + Self.inputs + ["--as-of", "2024-07-01", "-o", first])
        _ = try ValidateCommandTests.upkeep(["calendar", "Tests/UpkeepKitTests/Fixtures/sample-2024/fleet.yaml", "schedules", "releases/advisories", "releases", "--as-of", "2024-07-01", "-o", second])
        let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(!a.isEmpty && a == b)
    }

    @Test func previous_aDroppedOccurrenceIsCancelledAndAChangedOneGetsAHigherSequence() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1", "1.30.1"])])
        let before = P.fleet(clusters: [P.Cluster(name: "kept", version: "1.28.1"), P.Cluster(name: "changed", version: "1.28.1"),
                                        P.Cluster(name: "dropped", version: "1.28.1")])
        let after = P.fleet(clusters: [P.Cluster(name: "kept", version: "1.28.1"), P.Cluster(name: "changed", version: "1.28.1", pools: [P.Pool(version: "1.28.1", nodes: 3)])])
        let (old, _) = P.plan(platform: feed, fleet: before, policy: P.policy("target: n-1\n"))
        let (new, log) = P.plan(platform: feed, fleet: after, policy: P.policy("target: n-1\n"))
        // The previous plan is read back from its file, as `--previous` does.
        let previous = try #require(PlanFileReader.read(Array(PlanJSONRenderer.render(old).utf8)))
        #expect(previous.steps.map(\.id) == old.steps.map(\.id))
        let (inputs, _) = TestSupport.load(["platform.yaml": feed, "fleet.yaml": after, "schedule.yaml": P.schedule(), "policy.yaml": P.policy("target: n-1\n")])
        _ = log
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plan.ics")
        try Data(CalendarRenderer.render(new, names: CalendarRenderer.Names(inputs), previous: previous).utf8).write(to: file)
        let events = try #require(try Self.check([file.path]).first?.events)
        let byName = { (name: String) in events.filter { $0.summary.contains("\(name): ") } }
        #expect(byName("kept").map(\.sequence) == [0] && byName("kept").map(\.status) == ["CONFIRMED"])
        #expect(byName("changed").map(\.sequence) == [1])
        #expect(byName("dropped").map(\.status) == ["CANCELLED"] && byName("dropped").map(\.sequence) == [1])
        // Without --previous every event is new.
        let plain = CalendarRenderer.render(new, names: CalendarRenderer.Names(inputs))
        #expect(plain.contains("SEQUENCE:0") && !plain.contains("SEQUENCE:1") && !plain.contains("CANCELLED"))
    }

    @Test func hostileNamesGiveValidFilesThatStayInTheirFolder() throws {
        let hostile = "a|b;c,d\\\\e\\\"q<script>x</script>../../up 🚀 שלום"
        let fleetText = P.fleet(clusters: [P.Cluster(name: "\"\(hostile)\"", version: "1.28.1"), P.Cluster(name: "\".hidden\"", version: "1.28.1")])
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"],
                                         extra: "    knownIssues:\n      - { id: \"k;1\", summary: \"sum, with; <b>marks</b>\", affects: { kubernetesVersions: [1.29.1] }, workaround: \"do \\\\ this\\nthen, that\" }\n")])
        let (plan, _) = P.plan(platform: feed, fleet: fleetText, policy: P.policy("target: latest\n"))
        #expect(plan.steps.contains { $0.cluster?.contains("<script>") == true })
        let (inputs, _) = TestSupport.load(["platform.yaml": feed, "fleet.yaml": fleetText])
        let names = CalendarRenderer.Names(inputs)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths = [folder.appendingPathComponent("all.ics").path]
        try Data(CalendarRenderer.render(plan, names: names).utf8).write(to: URL(fileURLWithPath: paths[0]))
        for file in CalendarRenderer.perSubject(plan, names: names) {
            #expect(!file.fileName.contains("/") && !file.fileName.hasPrefix(".") && file.fileName.utf8.count <= 100)
            let url = folder.appendingPathComponent(file.fileName)
            #expect(url.standardized.deletingLastPathComponent().path == folder.standardized.path)
            try Data(file.bytes).write(to: url)
            paths.append(url.path)
        }
        let checked = try Self.check(paths)
        #expect(checked.count == paths.count)
        let all = try #require(checked.first?.events)
        #expect(all.contains { $0.summary.hasPrefix("\(hostile.replacingOccurrences(of: "\\\\", with: "\\").replacingOccurrences(of: "\\\"", with: "\"")): ") })
        #expect(all.contains { $0.description.contains("workaround: do \\ this\nthen, that") })
    }

    @Test func fileNamesAreSafeUniqueAndStable() {
        let subjects = ["cluster/../etc/passwd", "cluster/.hidden", "cluster/a b", "cluster/a_b", "cluster/" + String(repeating: "x", count: 300),
                        "cluster/\u{7}bell", "management-cluster/a b", "cluster/שלום"]
        let names = subjects.map { CalendarRenderer.fileName(for: $0) }
        #expect(Set(names).count == names.count)
        #expect(names == subjects.map { CalendarRenderer.fileName(for: $0) })
        for name in names {
            #expect(!name.contains("/") && !name.hasPrefix(".") && name.count <= 100 && name.hasSuffix(".ics"))
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
        }
    }

    @Test func textIsEscapedAndLinesFoldAt75OctetsBetweenCharacters() {
        #expect(ICalendarLines.escape("a\\b;c,d\ne\r\nf\u{1}") == "a\\\\b\\;c\\,d\\ne\\nf")
        var lines = ICalendarLines()
        let value = String(repeating: "é🚀x", count: 60)
        lines.text("DESCRIPTION", value)
        let bytes = Array(lines.text.utf8)
        let physical = lines.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(physical.count > 3 && physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(String(decoding: bytes, as: UTF8.self) == lines.text)
        let unfolded = lines.text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "")
        #expect(unfolded == "DESCRIPTION:" + value)
    }
}
