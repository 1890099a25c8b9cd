/// Jira issues for `upkeep tickets`: REST v2 (`--format jira`) takes the description as Jira wiki markup, REST v3
/// (`--format jira-adf`) as an Atlassian Document Format document. Both hold the ticket's `sections`, as markdown does.
///
/// Wiki markup: `h1.`/`h2.` headings, `#` numbered and `*` bulleted lists, each command in `{noformat}` (literal in
/// Jira, whatever it holds: `--name` stays two hyphens, `*`, `{`, `|` stay themselves), and the prose with Jira's
/// special characters escaped by a backslash. A list item never ends on a `{noformat}`, which would let the
/// reader run the next heading into it.
enum JiraRenderer {
    // MARK: Wiki markup (REST v2)

    static func wiki(_ ticket: ChangeTicket) -> String {
        var lines = ["h1. Change: " + prose(ticket.title), "", "h2. Summary", "", prose(TicketRenderer.summaryLine(ticket))]
        for section in ticket.sections {
            lines += ["", "h2. " + section.title, ""]
            lines += (section.items.isEmpty ? ["None."] : section.items).map { (section.numbered ? "# " : "* ") + item($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A list item: prose escaped, each command in `{noformat}`; line breaks become spaces.
    static func item(_ text: String) -> String {
        var out = ""
        for (index, part) in text.components(separatedBy: TicketCommands.code).enumerated() {
            let flat = part.replacingEvery("\r", with: " ").replacingEvery("\n", with: " ")
            // `{noformat}` inside a command cannot be kept literal; it is the one text a command loses.
            out += index % 2 == 0 ? prose(flat) : "{noformat}" + flat.replacingEvery("{noformat}", with: "{ noformat}") + "{noformat}"
        }
        return out.hasSuffix("{noformat}") ? out + "." : out
    }

    /// Prose with Jira's text-effect, link and macro characters escaped by a backslash. `|` stays as it is: it
    /// starts a table only at the start of a line, and every line here starts with a heading or list mark.
    static func prose(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "*_?-+^~{}[]!#".contains(character) { out.append("\\") }
            out.append(character == "\n" || character == "\r" ? " " : character)
        }
        return out
    }

    // MARK: Atlassian Document Format (REST v3)

    static func adf(_ ticket: ChangeTicket) -> JSONValue {
        var content: [JSONValue] = [heading(1, "Change: " + ticket.title), heading(2, "Summary"),
                                    .object(["type": .string("paragraph"), "content": .array(inline(TicketRenderer.summaryLine(ticket)))])]
        for section in ticket.sections {
            content.append(heading(2, section.title))
            let items = (section.items.isEmpty ? ["None."] : section.items).map { item -> JSONValue in
                .object(["type": .string("listItem"),
                         "content": .array([.object(["type": .string("paragraph"), "content": .array(inline(item))])])])
            }
            content.append(.object(["type": .string(section.numbered ? "orderedList" : "bulletList"), "content": .array(items)]))
        }
        return .object(["type": .string("doc"), "version": .int(1), "content": .array(content)])
    }

    static func heading(_ level: Int, _ text: String) -> JSONValue {
        .object(["type": .string("heading"), "attrs": .object(["level": .int(level)]), "content": .array(inline(text))])
    }

    /// Text nodes: prose as it is, each command with the `code` mark (ADF text is literal; no escaping).
    static func inline(_ text: String) -> [JSONValue] {
        text.components(separatedBy: TicketCommands.code).enumerated().compactMap { index, part in
            let flat = part.replacingEvery("\r", with: " ").replacingEvery("\n", with: " ")
            guard !flat.isEmpty else { return nil }
            return index % 2 == 0 ? .object(["type": .string("text"), "text": .string(flat)])
                : .object(["type": .string("text"), "text": .string(flat), "marks": .array([.object(["type": .string("code")])])])
        }
    }
}
