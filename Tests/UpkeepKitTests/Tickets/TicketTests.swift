import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep tickets`: one change ticket per subject and window occurrence, in Markdown (parsed with
/// markdown-it-py), ServiceNow and Jira JSON (validated against the committed schemas).
@Suite("Change tickets")
struct TicketTests {
    typealias P = PlanFixtures
    static let inputs = ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"]
    static let sections = ["Summary", "Justification", "Done first", "Implementation plan", "Backout plan", "Test plan", "Risk and impact",
                           "Window", "Affected configuration items", "Known issues and workarounds", "Why this window"]

    struct Parsed: Decodable {
        var file: String
        var sections: [String]
        var codes: [String]
        var html: Bool
    }

    /// The tickets in a folder (not the marker file that says Upkeep wrote it).
    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".upkeep-output" }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test func theExamplesGiveOneTicketPerEventInEveryFormat() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-tickets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let events = MaintenanceEvent.events(of: Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01")))
        for format in ["markdown", "servicenow", "jira", "jira-adf"] {
            let folder = root.appendingPathComponent(format)
            let run = try ValidateCommandTests.upkeep(["tickets"] + Self.inputs + ["--as-of", "2024-07-01", "--format", format, "-o", folder.path])
            #expect(run.status == 0, "\(run.output)")
            let files = try Self.files(in: folder)
            #expect(files.count == events.count && files.count > 5, "\(format)")
            switch format {
            case "markdown":
                let checked = try TestSupport.python([TestSupport.tool("check_ticket_markdown.py")] + files)
                #expect(checked.status == 0, "\(checked.output)")
                let parsed = checked.output.split(separator: "\n").compactMap { try? JSONDecoder().decode(Parsed.self, from: Data($0.utf8)) }
                #expect(parsed.count == files.count)
                for ticket in parsed { #expect(ticket.sections == Self.sections, "\(ticket.file)") }
                // An aks-hybrid Kubernetes upgrade names the command with its target version.
                let payments = try #require(parsed.first { $0.codes.contains { $0.hasPrefix("Update-AksHciCluster -name 'payments-prod' -kubernetesVersion") } })
                #expect(payments.codes.contains("Update-AksHciCluster -name 'payments-prod' -kubernetesVersion v1.26.12"))
                #expect(parsed.contains { $0.codes.contains("Update-AksHci") || $0.codes.contains { $0.hasPrefix("Update-AksHci ") } })
            default:
                let schema = TestSupport.packageRoot.appendingPathComponent("schemas/\(format)-ticket.schema.json").path
                let checked = try TestSupport.python([TestSupport.tool("validate_plan.py"), schema] + files)
                #expect(checked.status == 0, "\(checked.output)")
            }
        }
    }

    @Test func serviceNowFieldsFollowTheTableAPI() throws {
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"))
        let ticket = try #require(ChangeTicket.tickets(for: plan, inputs: inputs).first { $0.title.hasPrefix("payments-prod: Kubernetes") })
        guard case .object(let fields) = TicketRenderer.serviceNow(ticket) else { Issue.record("not an object"); return }
        #expect(fields["start_date"] == .string("2024-07-12 23:00:00") && fields["end_date"] == .string("2024-07-13 00:54:00"))
        #expect(fields["assignment_group"] == .string("team-payments") && fields["cmdb_ci"] == .string("payments-prod"))
        #expect(fields["risk"] == .string("2") && fields["type"] == .string("normal"))
        // A stable correlation_id per change: distinct between tickets, the same on a second run.
        #expect(fields["correlation_display"] == .string("Upkeep"))
        let ids = ChangeTicket.tickets(for: plan, inputs: inputs).map(TicketRenderer.correlationID)
        #expect(Set(ids).count == ids.count && ids.allSatisfy { $0.hasPrefix("upkeep-") && $0.count == 39 })
        #expect(ChangeTicket.tickets(for: Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01")), inputs: inputs).map(TicketRenderer.correlationID) == ids)
        #expect(fields["correlation_id"] == .string(TicketRenderer.correlationID(ticket)))
        // The file is written straight from the fields: the same bytes as the JSON value's.
        #expect(TicketRenderer.renderBytes(ticket, format: .servicenow) == Array(TicketRenderer.serviceNow(ticket).rendered(inlineFrom: 3).utf8))
        #expect(ticket.windowLocal == "2024-07-13 01:00 – 2024-07-13 02:54 Europe/Berlin")
        guard case .object(let jira) = TicketRenderer.jira(ticket, project: "OPS"), case .object(let jiraFields)? = jira["fields"],
              case .array(let labels)? = jiraFields["labels"] else { Issue.record("no fields"); return }
        #expect(labels.contains(.string("upkeep")) && labels.contains(.string("ring-prod")))
    }

    /// The documented ServiceNow script sends the UTC dates without display-value input (which would read them in
    /// the API user's time zone), the names with it and nothing else, and updates the change its correlation_id finds.
    @Test func theServiceNowScriptSendsUTCAndUpdatesTheOpenChange() throws {
        let docs = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/outputs.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "  api=\"https://$SN_INSTANCE"))
        let end = try #require(docs.range(of: "  done\n  ```", range: start.upperBound..<docs.endIndex))
        let script = String(docs[start.lowerBound..<end.upperBound].dropLast(6))
        let lines = script.split(separator: "\n").map(String.init)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", "-c", script]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
        #expect(lines.contains { $0.contains("sysparm_query=correlation_id=$cid") })
        #expect(lines.contains { $0.contains("-X POST \"$api?sysparm_input_display_value=false\"") })
        #expect(lines.contains { $0.contains("-X PATCH \"$api/$id?sysparm_input_display_value=false\"") })
        // Display-value input carries the two reference fields alone.
        let displayed = try #require(lines.firstIndex { $0.contains("sysparm_input_display_value=true") })
        #expect(lines[displayed - 2].contains("jq '{cmdb_ci, assignment_group}'"))
        #expect(!docs.contains("change_request?sysparm_input_display_value=true"))
    }

    @Test func hostileNamesGiveValidTicketsInsideTheFolder() throws {
        let hostile = "t|b;c,d\\\\e\\\"q<script>x</script>../../up `tick` 🚀 שלום"
        let fleetText = P.fleet(clusters: [P.Cluster(name: "\"\(hostile)\"", version: "1.28.1", extra: "    owner: \"<b>team</b> | ops\"\n")])
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"],
                                         extra: "    knownIssues:\n      - { id: \"k;1\", summary: \"sum | <b>marks</b>\", affects: { kubernetesVersions: [1.29.1] }, workaround: \"do `this` \\\\ then\" }\n")])
        let (plan, _) = P.plan(platform: feed, fleet: fleetText, policy: P.policy("target: latest\n"))
        let (inputs, _) = TestSupport.load(["platform.yaml": feed, "fleet.yaml": fleetText, "schedule.yaml": P.schedule()])
        let tickets = ChangeTicket.tickets(for: plan, inputs: inputs)
        #expect(!tickets.isEmpty)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in TicketRenderer.Format.allCases {
            let subfolder = folder.appendingPathComponent(format.rawValue)
            try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
            for ticket in tickets {
                let name = TicketRenderer.fileName(ticket, format: format)
                #expect(!name.contains("/") && !name.hasPrefix(".") && name.utf8.count <= 120)
                let url = subfolder.appendingPathComponent(name)
                #expect(url.standardized.deletingLastPathComponent().path == subfolder.standardized.path)
                try Data(TicketRenderer.render(ticket, format: format).utf8).write(to: url)
            }
        }
        let markdown = try Self.files(in: folder.appendingPathComponent("markdown"))
        let checked = try TestSupport.python([TestSupport.tool("check_ticket_markdown.py")] + markdown)
        #expect(checked.status == 0, "\(checked.output)")
        let parsed = checked.output.split(separator: "\n").compactMap { try? JSONDecoder().decode(Parsed.self, from: Data($0.utf8)) }
        #expect(parsed.count == markdown.count)
        for ticket in parsed {
            #expect(ticket.sections == Self.sections)
            #expect(!ticket.html, "the names' HTML must be escaped, not rendered")
            // The cluster's name stays whole inside its commands, backticks and all.
            guard !(ticket.file as NSString).lastPathComponent.hasPrefix("mgmt-") else { continue }
            #expect(ticket.codes.contains { $0.contains("`tick`") && $0.contains("<script>") }, "\(ticket.codes)")
        }
        for schema in ["servicenow", "jira"] {
            let documents = try Self.files(in: folder.appendingPathComponent(schema))
            let checkedJSON = try TestSupport.python([TestSupport.tool("validate_plan.py"),
                                               TestSupport.packageRoot.appendingPathComponent("schemas/\(schema)-ticket.schema.json").path] + documents)
            #expect(checkedJSON.status == 0 && !documents.isEmpty, "\(checkedJSON.output)")
        }
    }
}

/// Hostile window, freeze and advisory texts, through the calendar and every ticket format at once.
@Suite("Hostile schedule and advisory texts in calendars and tickets")
struct HostileScheduleTextTests {
    typealias P = PlanFixtures

    @Test func windowFreezeAndAdvisoryTextsStayEscapedEverywhere() throws {
        let window = "w|;,\\\\<script>../🚀 שלום"
        let schedule = P.schedule(extraWindows: """
              - name: "\(window)"
                timeZone: Europe/Berlin
                weekly: { days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday], start: "01:00", duration: 4h }
            """, freezes: "  - { name: \"f|;<b>x</b>,\\\\\", from: 2024-07-01, to: 2024-07-02 }\n")
        let advisory = """
            apiVersion: upkeep/v1
            kind: SecurityAdvisory
            id: CVE-2099-0001
            published: 2024-06-20
            severity: critical
            summary: "a | b; c, <script>alert(1)</script> `x` \\\\ ../ 🚀"
            affects: { kubernetes: [{ introduced: 1.28.0, fixed: 1.29.0 }] }
            """
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])])
        let fleet = P.fleet(clusters: [P.Cluster(name: "plain", version: "1.28.1", window: "\"\(window)\"")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, schedule: schedule, policy: P.policy("target: latest\n"), extra: ["advisory.yaml": advisory])
        let hop = try #require(plan.steps(of: "plain").first)
        #expect(hop.occurrence?.window.contains("<script>") == true && hop.fixes == ["CVE-2099-0001"])
        #expect(plan.constraints(of: hop).contains { $0.kind == "freeze" && $0.detail.contains("<b>x</b>") })
        let (inputs, _) = TestSupport.load(["platform.yaml": feed, "fleet.yaml": fleet, "schedule.yaml": schedule, "advisory.yaml": advisory])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-hostile-schedule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let calendar = folder.appendingPathComponent("plan.ics")
        try Data(CalendarRenderer.renderBytes(plan, names: CalendarRenderer.Names(inputs))).write(to: calendar)
        let events = try #require(try CalendarTests.check([calendar.path]).first?.events)
        #expect(events.contains { $0.description.contains("fixes: CVE-2099-0001") })
        let tickets = ChangeTicket.tickets(for: plan, inputs: inputs)
        var markdown: [String] = []
        for format in TicketRenderer.Format.allCases {
            let subfolder = folder.appendingPathComponent(format.rawValue)
            try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
            for ticket in tickets {
                let url = subfolder.appendingPathComponent(TicketRenderer.fileName(ticket, format: format))
                try Data(TicketRenderer.render(ticket, format: format).utf8).write(to: url)
                if format == .markdown { markdown.append(url.path) }
            }
            if format != .markdown {
                let checked = try TestSupport.python([TestSupport.tool("validate_plan.py"),
                                                      TestSupport.packageRoot.appendingPathComponent("schemas/\(format.rawValue)-ticket.schema.json").path]
                                                     + (try TicketTests.files(in: subfolder)))
                #expect(checked.status == 0, "\(checked.output)")
            }
        }
        let checked = try TestSupport.python([TestSupport.tool("check_ticket_markdown.py")] + markdown)
        #expect(checked.status == 0 && !checked.output.contains("\"html\": true"), "\(checked.output)")
        let text = try markdown.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !text.contains("<script>"))
    }
}
