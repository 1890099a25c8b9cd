import Foundation
import Testing
@testable import UpkeepKit

/// Every status row and every plan cluster row names the deadline it shows: its first reason is the one
/// whose date is the row's `supportedUntil`, and the others follow from the earliest end on.
@Suite("Rows name the deadline they show")
struct ReasonOrderTests {
    static let dates = ["2024-03-01", "2024-06-10", "2024-07-01", "2024-09-15", "2025-01-15", "2025-06-01", "2026-01-01"]

    static func examples() -> InputSet {
        TestSupport.load(paths: ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"].map { TestSupport.packageRoot.appendingPathComponent($0).path }).0
    }

    /// (name, supportedUntil, reasons) of every row of a JSON document's objects that carry both keys.
    static func rows(_ value: Any, name: String = "") -> [(name: String, until: String, reasons: [String])] {
        if let list = value as? [Any] { return list.flatMap { rows($0, name: name) } }
        guard let object = value as? [String: Any] else { return [] }
        let here = (object["name"] as? String) ?? name
        var found: [(String, String, [String])] = []
        if let until = object["supportedUntil"] as? String, let reasons = object["reasons"] as? [String] {
            found.append((here, until, reasons))
        }
        for key in object.keys.sorted() { found += rows(object[key] as Any, name: here) }
        return found
    }

    @Test(arguments: dates)
    func statusRows_firstReasonContainsTheirSupportedUntilDate(asOf: String) throws {
        let report = SupportEngine(inputs: Self.examples()).status(on: SupportFixtures.date(asOf))
        let json = try JSONSerialization.jsonObject(with: Data(StatusJSONRenderer.render(report).utf8))
        let rows = Self.rows(json)
        #expect(rows.count == 25)
        for row in rows {
            #expect(row.reasons.first?.contains(row.until) == true, "\(row.name) until \(row.until): \(row.reasons)")
        }
        // The same in text: the why-line under each row (and each management cluster) names its UNTIL date.
        let lines = StatusTextRenderer.render(report).split(separator: "\n").map(String.init)
        var checked = 0
        for (index, line) in lines.enumerated() {
            guard let until = line.split(separator: " ").last.map(String.init), CalendarDate(parsing: until) != nil,
                  index + 1 < lines.count, lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("why: ") else { continue }
            // The why-line and its wrapped continuation.
            var why = lines[index + 1]
            let indent = why.prefix { $0 == " " }.count
            for next in lines[(index + 2)...] {
                guard next.prefix(while: { $0 == " " }).count > indent else { break }
                why += " " + next.trimmingCharacters(in: .whitespaces)
            }
            #expect(why.contains(until), "\(line) → \(why)")
            checked += 1
        }
        #expect(checked == 25)
    }

    @Test(arguments: dates)
    func planClusterRows_firstReasonContainsTheirSupportedUntilDate(asOf: String) throws {
        let plan = Planner.plan(inputs: Self.examples(), asOf: SupportFixtures.date(asOf))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSONRenderer.render(plan).utf8)) as? [String: Any])
        let rows = Self.rows(json["clusters"] as Any)
        #expect(rows.count == plan.clusters.count { $0.supportedUntil != nil } && !rows.isEmpty)
        for row in rows {
            #expect(row.reasons.first?.contains(row.until) == true, "\(row.name) until \(row.until): \(row.reasons)")
        }
    }

    @Test func combinedSupport_theBindingReasonComesFirstThenTheEarliestEnds() {
        let support = CombinedSupport([
            SupportVerdict(.kubernetesMinor, .noKnownEnd, "minor: no end"),
            SupportVerdict(.kubernetesPatch, .on(SupportFixtures.date("2024-09-01")), "patch ends 2024-09-01"),
            SupportVerdict(.skew, .unsupported, "skew is wrong now"),
            SupportVerdict(.nodeImageAge, .on(SupportFixtures.date("2024-08-01")), "image due 2024-08-01"),
            SupportVerdict(.imageFamilyEndOfLife, .on(SupportFixtures.date("2025-01-01")), "family ends 2025-01-01"),
        ])
        #expect(support.supportedUntil == SupportFixtures.date("2024-08-01"))
        #expect(support.reasons == ["image due 2024-08-01", "skew is wrong now", "patch ends 2024-09-01", "family ends 2025-01-01", "minor: no end"])
        // With no date at all, a rule that fails now comes first.
        let undated = CombinedSupport([SupportVerdict(.kubernetesMinor, .noKnownEnd, "no end"), SupportVerdict(.skew, .unsupported, "wrong now")])
        #expect(undated.reasons == ["wrong now", "no end"])
    }

    @Test func statusText_fitsA120ColumnTerminal() throws {
        let golden = try String(contentsOf: StatusCommandTests.golden.appendingPathComponent("status-2024-07-01.txt"), encoding: .utf8)
        let widest = golden.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 120 && widest > 80)
        for asOf in Self.dates {
            let text = StatusTextRenderer.render(SupportEngine(inputs: Self.examples()).status(on: SupportFixtures.date(asOf)))
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 120 }, "\(asOf)")
        }
    }

    @Test func textWrap_foldsAtSpacesWithAHangingIndent() {
        let line = "    why: " + Array(repeating: "word", count: 40).joined(separator: " ")
        let lines = TextWrap.wrap(line, width: 50)
        #expect(lines.count > 3 && lines.allSatisfy { $0.count <= 50 })
        #expect(lines[0].hasPrefix("    why: ") && lines.dropFirst().allSatisfy { $0.hasPrefix("      word") })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == line.trimmingCharacters(in: .whitespaces))
        #expect(TextWrap.wrap("short") == ["short"])
    }
}
