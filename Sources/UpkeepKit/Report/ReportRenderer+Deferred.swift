/// A large report opens quickly (issue 31: 10,000 clusters in under 3 s in headless chromium): when it has more
/// than `inlineRows` rows, the page opens with the summary, the `urgentRows` most urgent subjects (their timeline
/// rows and step tables) and the first `inlineFindings` findings; each management cluster's other rows and step
/// tables wait in an inert `<script type="text/html">` block until its "Show" button is pressed, a link to one of
/// its steps is followed or the filter is used. The browser parses such a block as one run of text, not as
/// elements: that is what the page's opening saves. A report of `inlineRows` rows or fewer has every row on the
/// page, as before.
extension ReportRenderer {
    public static let inlineRows = 300
    static let urgentRows = 100
    static let inlineFindings = 200

    /// How urgent a row's subject is: the most urgent class and day of the error findings about it (a pool's count
    /// for its cluster); nil when it has none.
    static func urgencies(_ plan: Plan, rows: [ReportRow]) -> [(class: FindingCatalog.Urgency, due: CalendarDate?)?] {
        var bySubject: [String: (class: FindingCatalog.Urgency, due: CalendarDate?)] = [:]
        for finding in plan.findings where finding.severity == .error {
            let parts = finding.subject.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2, parts[0] == "cluster" || parts[0] == "management-cluster" else { continue }
            let key = "\(parts[0])/\(parts[1])"
            let urgency = (class: FindingCatalog.urgency(of: finding, asOf: plan.asOf), due: finding.due)
            if let known = bySubject[key], !moreUrgent(urgency, than: known) { continue }
            bySubject[key] = urgency
        }
        return rows.map { bySubject["\($0.kind == .management ? "management-cluster" : "cluster")/\($0.name)"] }
    }

    static func moreUrgent(_ a: (class: FindingCatalog.Urgency, due: CalendarDate?), than b: (class: FindingCatalog.Urgency, due: CalendarDate?)) -> Bool {
        if a.class != b.class { return a.class < b.class }
        guard let dueA = a.due else { return false }
        return b.due.map { dueA < $0 } ?? true
    }

    /// Which rows the page opens with: every row of a report of `limit` rows or fewer; else the `urgentRows` most
    /// urgent (by class, then day, then report order).
    static func shownOnOpening(_ urgency: [(class: FindingCatalog.Urgency, due: CalendarDate?)?], limit: Int) -> [Bool] {
        guard urgency.count > limit else { return Array(repeating: true, count: urgency.count) }
        let urgent = urgency.indices.filter { urgency[$0] != nil }.sorted { a, b in
            guard let x = urgency[a], let y = urgency[b] else { return a < b }
            return moreUrgent(x, than: y) || (!moreUrgent(y, than: x) && a < b)
        }
        var shown = Array(repeating: false, count: urgency.count)
        for index in urgent.prefix(min(urgentRows, limit)) { shown[index] = true }
        return shown
    }

    /// The class a row's label is coloured by.
    static func urgencyClass(_ urgency: (class: FindingCatalog.Urgency, due: CalendarDate?)?) -> String {
        switch urgency?.class {
        case .inputs?, .outOfSupportSoon?: return " u-now"
        case .certificates?: return " u-certificates"
        case .advisoryPastDue?: return " u-advisory"
        case .rest?: return " u-later"
        case nil: return ""
        }
    }

    /// Markup kept out of the page until asked for: inert text the script parses on demand. Upkeep's own markup,
    /// every input text in it escaped; a `</script` could only come from an input, and is escaped once more.
    static func deferred(_ html: String, group: String) -> String {
        "<script type=\"text/html\" class=\"deferred\" data-group=\"\(group)\">\(html.replacingEvery("</script", with: "&lt;/script"))</script>\n"
    }

    static func moreButton(group: String, _ label: String) -> String {
        "<p class=\"more\"><button type=\"button\" class=\"more\" data-group=\"\(group)\">\(label)</button></p>\n"
    }
}
