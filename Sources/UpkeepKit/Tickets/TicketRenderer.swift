/// `upkeep tickets --format markdown|servicenow|jira`: one file per change ticket.
public enum TicketRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, servicenow, jira
        var fileExtension: String { self == .markdown ? "md" : "json" }
    }

    /// The ticket's file name, made from its subject and occurrence: safe whatever the names hold, unique
    /// and stable (see `CalendarRenderer.fileName(for:)`).
    public static func fileName(_ ticket: ChangeTicket, format: Format) -> String {
        let base = CalendarRenderer.fileName(for: ticket.event.subject, extension: "")
        return base + "-" + CalendarRenderer.stamp(ticket.event.occurrence.start) + "." + format.fileExtension
    }

    public static func render(_ ticket: ChangeTicket, format: Format, jiraProject: String = "OPS") -> String {
        switch format {
        case .markdown: return markdown(ticket)
        case .servicenow: return serviceNow(ticket).rendered(inlineFrom: 3)
        case .jira: return jira(ticket, project: jiraProject).rendered(inlineFrom: 4)
        }
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
        func list(_ items: [String], numbered: Bool = false) -> [String] {
            items.isEmpty ? ["None."] : items.enumerated().map { (numbered ? "\($0.offset + 1). " : "- ") + markdownText($0.element) }
        }
        var lines = ["# Change: \(MarkdownText.escape(ticket.title))", "",
                     "## Summary", "",
                     "\(ticket.event.steps.count) step\(ticket.event.steps.count == 1 ? "" : "s") on \(MarkdownText.escape(ticket.event.name)) in window \(MarkdownText.escape(ticket.event.occurrence.window)), \(ticket.event.isLate ? "**late**" : "on time").", "",
                     "## Justification", ""]
        lines += list(ticket.justification)
        lines += ["", "## Implementation plan", ""] + list(ticket.implementation, numbered: true)
        lines += ["", "## Backout plan", ""] + list(ticket.backout)
        lines += ["", "## Test plan", ""] + list(ticket.tests)
        lines += ["", "## Risk and impact", "", "- Risk: \(ticket.risk.name)", "- Impact: \(ticket.impact.name)"] + list(ticket.riskReasons)
        lines += ["", "## Window", "", "- UTC: \(MarkdownText.escape(ticket.windowUTC))", "- Local: \(MarkdownText.escape(ticket.windowLocal))"]
        lines += ["", "## Affected configuration items", ""] + list(ticket.configurationItems)
        lines += ["", "## Known issues and workarounds", ""] + list(ticket.knownIssues)
        lines += ["", "## Why this window", ""] + list(ticket.constraints)
        return lines.joined(separator: "\n") + "\n"
    }

    /// ServiceNow Table API `change_request` fields; `risk` and `impact` as the default choice codes
    /// (risk 2 high, 3 moderate, 4 low; impact 1 high, 2 medium, 3 low); dates in UTC as `YYYY-MM-DD HH:MM:SS`.
    static func serviceNow(_ ticket: ChangeTicket) -> JSONValue {
        let impact = ticket.impact == .high ? 1 : ticket.impact == .moderate ? 2 : 3
        var fields: [String: JSONValue] = [
            "short_description": .string(String(ticket.title.prefix(160))),
            "description": .string(markdown(ticket)),
            "justification": .string(ticket.justification.joined(separator: "\n")),
            "implementation_plan": .string(plainText(ticket.implementation.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n"))),
            "backout_plan": .string(plainText(ticket.backout.joined(separator: "\n"))),
            "test_plan": .string(plainText(ticket.tests.joined(separator: "\n"))),
            "risk": .string(String(ticket.risk.rawValue)),
            "impact": .string(String(impact)),
            "type": .string("normal"),
            "start_date": .string(serviceNowTime(ticket.event.start)),
            "end_date": .string(serviceNowTime(ticket.event.end)),
            "cmdb_ci": .string(ticket.event.name),
        ]
        fields["assignment_group"] = ticket.owner.map { .string($0) } ?? .null
        return .object(fields)
    }

    static func serviceNowTime(_ instant: Instant) -> String {
        let text = instant.description  // 2024-07-07T03:00:00Z
        return String(text.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// Jira REST v2: `{"fields": {...}}` with a plain-text description.
    static func jira(_ ticket: ChangeTicket, project: String) -> JSONValue {
        var labels = ["upkeep"] + ticket.event.steps.map(\.kind.rawValue)
        if let ring = ticket.ring { labels.append("ring-" + ring.map { $0.isWhitespace ? "-" : $0 }.reduce("") { $0 + String($1) }) }
        var unique: [String] = []
        for label in labels where !unique.contains(label) { unique.append(label) }
        return .object(["fields": .object([
            "project": .object(["key": .string(project)]),
            "issuetype": .object(["name": .string("Task")]),
            "summary": .string(String(ticket.title.prefix(255))),
            "description": .string(markdown(ticket)),
            "labels": .array(unique.map { .string($0) }),
            "priority": .object(["name": .string(ticket.risk == .high ? "High" : ticket.risk == .moderate ? "Medium" : "Low")]),
            "duedate": .string(ticket.event.steps.compactMap(\.due).min()?.description),
        ])])
    }
}
