/// `upkeep tickets --format markdown|servicenow|jira`: one file per change ticket.
public enum TicketRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, servicenow, jira
        case jiraADF = "jira-adf"
        var fileExtension: String { self == .markdown ? "md" : "json" }
    }

    /// The ticket's file name, made from its subject and occurrence: safe whatever the names hold, unique
    /// and stable (see `CalendarRenderer.fileName(for:)`).
    public static func fileName(_ ticket: ChangeTicket, format: Format) -> String {
        TicketPrerequisites.ticketID(ticket.event) + "." + format.fileExtension
    }

    public static func render(_ ticket: ChangeTicket, format: Format, jiraProject: String = "OPS") -> String {
        String(decoding: renderBytes(ticket, format: format, jiraProject: jiraProject), as: UTF8.self)
    }

    public static func renderBytes(_ ticket: ChangeTicket, format: Format, jiraProject: String = "OPS") -> [UInt8] {
        switch format {
        case .markdown: return Array(markdown(ticket).utf8)
        case .servicenow: return serviceNowBytes(ticket)
        case .jira: return jira(ticket, project: jiraProject).renderedBytes(inlineFrom: 4)
        case .jiraADF: return jira(ticket, project: jiraProject, description: JiraRenderer.adf(ticket)).renderedBytes(inlineFrom: 5)
        }
    }

    /// One ticket file: its name in the folder and its bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
    }

    /// Every ticket of the plan, built and rendered on every core (`execution`), in calendar order.
    public static func files(for plan: Plan, inputs: InputSet, format: Format, jiraProject: String = "OPS",
                             execution: ExecutionOptions = .standard) -> [File] {
        let context = InputLookup(inputs)
        let events = MaintenanceEvent.events(of: plan)
        let prerequisites = TicketPrerequisites(events: events), verdicts = TicketVerdicts(plan: plan)
        return execution.map(events, minimum: 64) { event in
            file(ChangeTicket(event: event, plan: plan, context: context, prerequisites: prerequisites, verdicts: verdicts), format: format, jiraProject: jiraProject)
        }
    }

    /// Every ticket of the plan, each handed to `deliver` on the thread that rendered it as soon as it is
    /// rendered (the tickets command writes it there, so files are written while others are rendered).
    public static func deliver(for plan: Plan, inputs: InputSet, format: Format, jiraProject: String = "OPS",
                               execution: ExecutionOptions = .standard, _ deliver: @Sendable (File) -> Void) {
        let context = InputLookup(inputs)
        let events = MaintenanceEvent.events(of: plan)
        let prerequisites = TicketPrerequisites(events: events), verdicts = TicketVerdicts(plan: plan)
        _ = execution.map(events, minimum: 64) { event in
            deliver(file(ChangeTicket(event: event, plan: plan, context: context, prerequisites: prerequisites, verdicts: verdicts), format: format, jiraProject: jiraProject))
        }
    }

    static func file(_ ticket: ChangeTicket, format: Format, jiraProject: String) -> File {
        File(name: fileName(ticket, format: format), bytes: renderBytes(ticket, format: format, jiraProject: jiraProject))
    }

    /// Markdown: the prose escaped, each command a code span whose fence is longer than any run of
    /// backticks inside it.
    static func markdownText(_ text: String) -> String {
        // Most items hold no command: escaped whole (line breaks become spaces there too).
        let bytes = Array(text.utf8)
        let marks = codeMarks(bytes)
        guard !marks.isEmpty else { return MarkdownText.escape(text) }
        var out = ""
        var start = 0
        for (index, mark) in (marks + [bytes.count]).enumerated() {
            let part = String(decoding: bytes[start..<mark].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
            if index % 2 == 0 {
                out += MarkdownText.escape(part)
            } else {
                var longest = 0, run = 0
                for byte in part.utf8 { run = byte == UInt8(ascii: "`") ? run + 1 : 0; longest = max(longest, run) }
                let fence = String(repeating: "`", count: longest + 1)
                let pad = part.hasPrefix("`") || part.hasSuffix("`") ? " " : ""
                out += fence + pad + part + pad + fence
            }
            start = min(bytes.count, mark + 3)
        }
        return out
    }

    /// Where `TicketCommands.code` (U+E000, bytes EE 80 80) stands in UTF-8 text.
    static func codeMarks(_ bytes: [UInt8]) -> [Int] {
        var marks: [Int] = []
        guard bytes.contains(0xEE) else { return marks }
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xEE && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 { marks.append(index); index += 3 } else { index += 1 }
        }
        return marks
    }

    /// Plain text (ServiceNow and Jira fields): commands between backticks.
    static func plainText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let marks = codeMarks(bytes)
        guard !marks.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        for mark in marks {
            out += bytes[start..<mark]
            out.append(UInt8(ascii: "`"))
            start = mark + 3
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }

    static func markdown(_ ticket: ChangeTicket) -> String {
        var lines = ["# Change: \(MarkdownText.escape(ticket.title))", "",
                     "## Summary", "",
                     "\(ticket.event.steps.count) step\(ticket.event.steps.count == 1 ? "" : "s") on \(MarkdownText.escape(ticket.event.name)) in window \(MarkdownText.escape(ticket.event.occurrence.window)), \(ticket.event.isLate ? "**late**" : "on time")."]
        for section in ticket.sections {
            lines += ["", "## \(section.title)", ""]
            lines += section.items.isEmpty ? ["None."]
                : section.items.enumerated().map { (section.numbered ? "\($0.offset + 1). " : "- ") + markdownText($0.element) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ServiceNow Table API `change_request` fields; `risk` and `impact` as the default choice codes
    /// (risk 2 high, 3 moderate, 4 low; impact 1 high, 2 medium, 3 low); dates in UTC as `YYYY-MM-DD HH:MM:SS`.
    /// Plain text throughout (ServiceNow shows these fields as text); the description holds what no other
    /// field does: the summary, the window, the configuration items, known issues and why this window.
    static func serviceNow(_ ticket: ChangeTicket) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        for field in serviceNowFields(ticket) { fields["\(field.name)"] = .string(field.value) }
        return .object(fields)
    }

    /// `serviceNow(ticket).rendered(inlineFrom: 3)`, written straight from the fields (no dictionary, no
    /// sorting): tens of thousands of tickets are written at once.
    static func serviceNowBytes(_ ticket: ChangeTicket) -> [UInt8] {
        var writer = JSONWriter(capacity: 4096)
        writer.raw("{\n")
        let fields = serviceNowFields(ticket)
        for (index, field) in fields.enumerated() {
            writer.key(field.name, indent: 2)
            writer.writeString(field.value)
            if index < fields.count - 1 { writer.raw(",") }
            writer.newline()
        }
        writer.raw("}\n")
        return writer.bytes
    }

    /// The fields in key order.
    static func serviceNowFields(_ ticket: ChangeTicket) -> [(name: StaticString, value: String?)] {
        let impact = ticket.impact == .high ? 1 : ticket.impact == .moderate ? 2 : 3
        func numbered(_ items: [String]) -> String {
            plainText(items.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))
        }
        func bullets(_ items: [String]) -> String {
            items.isEmpty ? "None." : plainText(items.map { "- " + $0 }.joined(separator: "\n"))
        }
        let description = [summaryLine(ticket),
                           "Window (UTC): \(ticket.windowUTC)",
                           "Window (local): \(ticket.windowLocal)",
                           "Configuration items: \(ticket.configurationItems.joined(separator: ", "))",
                           "Done first:", bullets(ticket.doneFirst),
                           "Known issues and workarounds:", bullets(ticket.knownIssues),
                           "Why this window:", bullets(ticket.constraints)].joined(separator: "\n")
        return [
            ("assignment_group", ticket.owner),
            ("backout_plan", bullets(ticket.backout)),
            ("cmdb_ci", ticket.event.name),
            ("correlation_display", "Upkeep"),
            ("correlation_id", correlationID(ticket)),
            ("description", description),
            ("end_date", serviceNowTime(ticket.event.end)),
            ("impact", String(impact)),
            ("implementation_plan", numbered(ticket.implementation)),
            ("justification", bullets(ticket.justification)),
            ("risk", String(ticket.risk.rawValue)),
            ("risk_impact_analysis", "Risk: \(ticket.risk.name). Impact: \(ticket.impact.name).\n" + bullets(ticket.riskReasons)),
            ("short_description", String(ticket.title.prefix(160))),
            ("start_date", serviceNowTime(ticket.event.start)),
            ("test_plan", bullets(ticket.tests)),
            ("type", "normal"),
        ]
    }

    /// The ticket's `correlation_id`: the same change from run to run while its first step is the same, even when
    /// a new plan moves it to another window, so that sending it again updates the open change. `upkeep-` and 32 hex
    /// digits of the SHA-256 of the subject and the first step's id (names of any kind stay out of the field).
    static func correlationID(_ ticket: ChangeTicket) -> String {
        let key = ticket.event.subject + "\u{0}" + (ticket.event.steps.first?.id ?? "")
        return "upkeep-" + String(SHA256.hex(Array(key.utf8)).prefix(32))
    }

    /// `3 steps on payments-prod in window sun-night, on time.`
    static func summaryLine(_ ticket: ChangeTicket) -> String {
        let count = ticket.event.steps.count
        return "\(count) step\(count == 1 ? "" : "s") on \(ticket.event.name) in window \(ticket.event.occurrence.window), \(ticket.event.isLate ? "late" : "on time")."
    }

    static func serviceNowTime(_ instant: Instant) -> String {
        let text = instant.description  // 2024-07-07T03:00:00Z
        return String(text.prefix(19)).replacingEvery("T", with: " ")
    }

    /// Jira: `{"fields": {...}}`; the description Jira wiki markup for REST v2, or (`description`) an Atlassian
    /// Document Format document for REST v3.
    static func jira(_ ticket: ChangeTicket, project: String, description: JSONValue? = nil) -> JSONValue {
        var labels = ["upkeep"] + ticket.event.steps.map(\.kind.rawValue)
        if let ring = ticket.ring { labels.append("ring-" + ring.map { $0.isWhitespace ? "-" : $0 }.reduce("") { $0 + String($1) }) }
        var unique: [String] = []
        for label in labels where !unique.contains(label) { unique.append(label) }
        return .object(["fields": .object([
            "project": .object(["key": .string(project)]),
            "issuetype": .object(["name": .string("Task")]),
            "summary": .string(String(ticket.title.prefix(255))),
            "description": description ?? .string(JiraRenderer.wiki(ticket)),
            "labels": .array(unique.map { .string($0) }),
            "priority": .object(["name": .string(ticket.risk == .high ? "High" : ticket.risk == .moderate ? "Medium" : "Low")]),
            "duedate": .string(ticket.event.steps.compactMap(\.due).min()?.description),
        ])])
    }
}
