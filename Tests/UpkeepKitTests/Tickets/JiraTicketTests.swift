import Foundation
import Testing
@testable import UpkeepKit

/// Jira REST v2 tickets are Jira wiki markup, read back with pandoc's Jira reader (an independent reader): the
/// headings and lists are there and every command survives character for character. REST v3 tickets carry the
/// same as an Atlassian Document Format document.
@Suite("Jira tickets")
struct JiraTicketTests {
    struct Read: Decodable {
        var file: String
        var headings: [[JiraValue]]
        var lists: [[JiraValue]]
        var codes: [String]
    }

    enum JiraValue: Decodable, Equatable {
        case int(Int), text(String)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int.self) { self = .int(value) } else { self = .text(try container.decode(String.self)) }
        }
    }

    static let sections = ["Summary", "Justification", "Done first", "Implementation plan", "Backout plan", "Test plan", "Risk and impact",
                           "Window", "Affected configuration items", "Known issues and workarounds", "Why this window"]

    /// The commands of a ticket in order, as the ticket holds them.
    /// The commands of every list of a ticket, in order, on one line each (as both formats write them).
    static func commands(_ ticket: ChangeTicket) -> [String] {
        TicketCommandTests.commands(in: ticket.sections.flatMap(\.items)).map {
            $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
    }

    static let pandoc = ["/usr/bin/pandoc", "/usr/local/bin/pandoc"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: pandoc != nil, "pandoc is not installed: `make test` installs it with apt-get"))
    func pandocReadsTheHeadingsListsAndEveryCommandBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-jira-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var tickets: [ChangeTicket] = []
        for (paths, asOf) in TicketCommandTests.cases {
            tickets += TicketCommandTests.tickets(paths, asOf: asOf).1
        }
        var paths: [String] = []
        for (index, ticket) in tickets.enumerated() {
            let path = folder.appendingPathComponent("\(index).json").path
            try Data(TicketRenderer.renderBytes(ticket, format: .jira)).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let run = try TestSupport.python([TestSupport.tool("check_jira_wiki.py")] + paths)
        #expect(run.status == 0, "\(run.output)")
        let read = run.output.split(separator: "\n").compactMap { try? JSONDecoder().decode(Read.self, from: Data($0.utf8)) }
        #expect(read.count == tickets.count && tickets.count > 10)
        for (ticket, back) in zip(tickets, read) {
            // pandoc keeps the backslash of `\+`, `\^` and `\~`, which Jira's notation documents as escapes.
            let title = back.headings.first.map { heading in
                heading.map { value -> JiraValue in
                    guard case .text(let text) = value else { return value }
                    return .text(text.replacingOccurrences(of: "\\+", with: "+").replacingOccurrences(of: "\\^", with: "^").replacingOccurrences(of: "\\~", with: "~"))
                }
            }
            #expect(title == [.int(1), .text("Change: " + ticket.title)], "\(back.headings.first ?? [])")
            #expect(back.headings.dropFirst().map { $0.last } == Self.sections.map { .text($0) }, "\(back.file)")
            #expect(back.lists.map { $0.first } == ticket.sections.map { .text($0.numbered ? "OrderedList" : "BulletList") }, "\(back.file)")
            #expect(back.lists.map { $0.last } == ticket.sections.map { .int(max(1, $0.items.count)) }, "\(back.file)")
            #expect(back.codes == Self.commands(ticket), "\(back.file)")
        }
        #expect(read.contains { $0.codes.contains { $0.contains("--resource-group") } })
    }

    @Test func hostileTextStaysTextInWikiMarkup() {
        let wiki = JiraRenderer.item("name *a* _b_ {c} [d] -- e!f# then \u{E000}az x --name 'a|b*c{noformat}'\u{E000}")
        #expect(wiki == "name \\*a\\* \\_b\\_ \\{c\\} \\[d\\] \\-\\- e\\!f\\# then {noformat}az x --name 'a|b*c{ noformat}'{noformat}.")
        #expect(JiraRenderer.prose("a|b +u+ ^s^ ~t~") == "a|b \\+u\\+ \\^s\\^ \\~t\\~")
    }

    @Test func theV3DescriptionIsADocumentWithCodeMarks() throws {
        let (_, tickets) = TicketCommandTests.tickets(TicketCommandTests.cases[0].paths, asOf: "2025-11-17")
        let ticket = try #require(tickets.first { $0.platform == "aks-arc" && $0.event.subject.hasPrefix("cluster/") })
        let bytes = TicketRenderer.renderBytes(ticket, format: .jiraADF)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let doc = try #require((root["fields"] as? [String: Any])?["description"] as? [String: Any])
        #expect(doc["type"] as? String == "doc" && doc["version"] as? Int == 1)
        var coded: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let marks = object["marks"] as? [[String: Any]], marks.contains(where: { $0["type"] as? String == "code" }), let text = object["text"] as? String { coded.append(text) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] { array.forEach(walk) }
        }
        walk(doc)
        #expect(coded == Self.commands(ticket))
    }
}
