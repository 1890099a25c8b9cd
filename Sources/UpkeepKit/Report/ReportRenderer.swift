/// `upkeep report`: the plan as one self-contained HTML page — a summary, a timeline of every management
/// and workload cluster against its support window, the step table and the findings. No network, no
/// external font, style or script; inline SVG and CSS and a short script for hovering and filtering.
///
/// Stable structure for tools: each timeline row has `data-subject`; each placed step's mark has
/// `data-step`, `data-start` and `data-end`. Rows off screen are laid out only when scrolled to
/// (`content-visibility: auto`), which keeps a 10,000-cluster report quick to open.
public enum ReportRenderer {
    /// The timeline's width in pixels from `asOf` to the horizon's end.
    static let width = 1000
    static let rowHeight = 24

    /// `inlineRows`: the most rows a report opens with all of (ReportRenderer+Deferred).
    public static func render(_ plan: Plan, inputs: InputSet, execution: ExecutionOptions = .standard, inlineRows: Int = inlineRows) -> String {
        let lookup = InputLookup(inputs)
        // A view of the plan (`--cluster`, `--until`) shows the same part of the status.
        let whole = SupportEngine(inputs: inputs, publishedBy: plan.asOf).status(on: plan.asOf)
        let status = plan.view.map { $0.apply(to: whole, inputs: inputs) } ?? whole
        var rows = ReportRow.rows(plan: plan, status: status, inputs: lookup)
        let urgency = urgencies(plan, rows: rows)
        for index in rows.indices { rows[index].urgency = urgencyClass(urgency[index]) }
        let shown = shownOnOpening(urgency, limit: inlineRows)
        let check = FleetCheck(plan: plan)
        let scale = Scale(plan)
        // Rows are the bulk of a large report: rendered on every core, joined in order.
        let renderedRows = execution.map(rows, minimum: 256) { row in Self.row(row, plan: plan, scale: scale) }
        // Each management cluster heads a group of its clusters; the standalone clusters close the timeline.
        var group: [Int] = [], count = -1, standaloneOpened = false
        for row in rows {
            let standalone = row.kind == .cluster && lookup.clusters[row.name]?.managementCluster == nil
            if row.kind == .management || (standalone && !standaloneOpened) { count += 1 }
            standaloneOpened = standaloneOpened || standalone
            group.append(max(0, count))
        }
        var html = head(plan)
        html += summary(plan, status: status, check: check)
        html += "<section id=\"timeline\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">Timeline</h2>\n"
        html += legend() + filter() + axis(plan, scale: scale)
        for members in groups(group) {
            let first = rows[members[0]]
            let title = first.kind == .management ? "Management cluster \(HTMLText.escape(first.name)) and its clusters" : "Standalone clusters"
            html += "<div class=\"group\" role=\"group\" aria-label=\"\(title)\">\n<h3>\(title)</h3>\n"
            let later = members.filter { !shown[$0] }
            for index in members where shown[index] { html += renderedRows[index] }
            if !later.isEmpty {
                html += moreButton(group: "g\(group[members[0]])", "Show \(Plural.count(later.count, "more row")) of this group")
                html += deferred(later.map { renderedRows[$0] }.joined(), group: "g\(group[members[0]])")
            }
            html += "</div>\n"
        }
        html += "</section>\n"
        html += stepTables(plan, rows: rows, shown: shown, group: group, execution: execution)
        html += findings(plan)
        html += "<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>\n\(script)</script>\n</body>\n</html>\n"
        return html
    }

    /// Instants to x positions on the timeline.
    struct Scale {
        var start: Int
        var minutes: Int
        init(_ plan: Plan) {
            start = Instant(startOf: plan.asOf).minutesSinceEpoch
            minutes = max(1, Instant(startOf: plan.horizonEnd).minutesSinceEpoch - start)
        }
        func x(_ instant: Instant) -> Double {
            min(Double(width), max(0, Double(instant.minutesSinceEpoch - start) * Double(width) / Double(minutes)))
        }
        func x(_ day: CalendarDate) -> Double { x(Instant(startOf: day)) }
        func contains(_ day: CalendarDate) -> Bool {
            let minute = Instant(startOf: day).minutesSinceEpoch
            return minute >= start && minute <= start + minutes
        }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    // MARK: Page

    static func head(_ plan: Plan) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Upkeep plan \(plan.asOf) to \(plan.horizonEnd)</title>
        <style>
        \(style)</style>
        </head>
        <body>
        <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c62828"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>
        <pattern id="freeze" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="8" height="8" fill="#eceff1"/><line x1="0" y1="0" x2="0" y2="8" stroke="#b0bec5" stroke-width="2"/></pattern>
        </defs></svg>
        <header><h1>Upkeep plan, \(plan.asOf) to \(plan.horizonEnd)</h1>\(plan.view.map { "<p class=\"view\">\(HTMLText.escape($0.sentence()))</p>" } ?? "")</header>

        """
    }

    static func summary(_ plan: Plan, status: StatusReport, check: FleetCheck) -> String {
        let outNow = status.managementClusters.count { $0.answer.isOutOfSupport } + status.clusters.count { $0.answer.isOutOfSupport }
        let outLater = Set(check.problems.filter { $0.code.hasPrefix("support-gap-") }.map(\.subject)).count
        var html = "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n<dl class=\"counts\">\n"
        let counts: [(String, Int, String)] = [
            ("Steps", plan.steps.count, ""), ("Late", plan.lateCount, plan.lateCount > 0 ? " class=\"bad\"" : ""),
            ("Unschedulable", plan.unschedulableCount, plan.unschedulableCount > 0 ? " class=\"bad\"" : ""),
            ("Blocked", plan.blockedCount, plan.blockedCount > 0 ? " class=\"bad\"" : ""),
            ("Out of support now", outNow, outNow > 0 ? " class=\"bad\"" : ""),
            ("Out of support by \(plan.horizonEnd), no step fixes it", outLater, outLater > 0 ? " class=\"bad\"" : ""),
        ]
        for (name, value, attributes) in counts { html += "<div\(attributes)><dt>\(name)</dt><dd>\(value)</dd></div>\n" }
        html += "</dl>\n<h3>Nearest deadlines</h3>\n<ol class=\"deadlines\">\n"
        // Deadlines still ahead; those already past are one line (they run as soon as their windows allow).
        let dated = plan.steps.indices.filter { plan.steps[$0].due != nil }.sorted { a, b in
            let (x, y) = (plan.steps[a], plan.steps[b])
            return x.due != y.due ? (x.due ?? plan.asOf) < (y.due ?? plan.asOf) : a < b
        }
        let past = dated.filter { (plan.steps[$0].due ?? plan.asOf) < plan.asOf }
        if let first = past.first {
            html += "<li class=\"bad\">\(Plural.count(past.count, "step")) past due already (the earliest due \(plan.steps[first].due?.description ?? "")): each runs in the first occurrence it may take</li>\n"
        }
        for index in dated.filter({ (plan.steps[$0].due ?? plan.asOf) >= plan.asOf }).prefix(5) {
            let step = plan.steps[index]
            html += "<li><a href=\"#step-\(index)\">\(HTMLText.escape(step.id))</a>: due \(step.due.map(\.description) ?? "") (\(step.status.rawValue))</li>\n"
        }
        if dated.isEmpty { html += "<li>No step has a deadline.</li>\n" }
        return html + "</ol>\n</section>\n"
    }

    /// The narrowest a placed step's mark is drawn, in pixels: wide enough for the late hatching (6 px a stripe).
    static let minimumMarkWidth = 8.0

    /// Where a band's version label goes: its left edge, moved right past any step mark it would meet; nil when it
    /// does not fit in the band. Widths are estimated at 6.5 px a character (10 px text).
    static func labelPosition(_ text: String, in span: (x1: Double, x2: Double), avoiding marks: [(x1: Double, x2: Double)]) -> Double? {
        let labelWidth = Double(text.count) * 6.5
        var x = span.x1 + 3
        var moved = true
        while moved {
            moved = false
            for mark in marks where mark.x1 < x + labelWidth + 1 && mark.x2 > x - 1 {
                x = mark.x2 + 2
                moved = true
            }
        }
        return x + labelWidth <= span.x2 - 2 ? x : nil
    }

    static func legend() -> String {
        """
        <ul class="legend" aria-label="Legend">
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" class="m-scheduled"/></svg> scheduled step</li>
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill="url(#hatch)"/></svg> late step (red, hatched)</li>
        <li>\(blockedSymbol) blocked and \(unschedulableSymbol) unschedulable steps, listed at the row's end</li>
        <li><svg width="36" height="12" aria-hidden="true"><rect width="18" height="12" class="band b0"/><rect x="18" width="18" height="12" class="band b1"/></svg> the version a row runs, one band per version (alternating colours), labelled where there is room</li>
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" class="band b-out"/></svg> a version out of support (red band)</li>
        <li><span class="swatch u-now"></span> out of support now or within 7 days, <span class="swatch u-certificates"></span> certificates, <span class="swatch u-advisory"></span> an advisory past due, <span class="swatch u-later"></span> a later error: the most urgent error of the row</li>
        <li><svg width="12" height="12" aria-hidden="true"><path d="M0 0 L12 0 L6 10 Z" class="support-end"/></svg> support of the version it runs now ends (dotted line), drawn while it still runs it</li>
        <li><svg width="12" height="12" aria-hidden="true"><path d="M0 12 L12 12 L6 2 Z" class="support-end-after"/></svg> support ends where the plan's steps leave it, on the last band</li>
        <li><svg width="6" height="12" aria-hidden="true"><rect width="3" height="12" class="advisory"/></svg> advisory due</li>
        <li><svg width="18" height="12" aria-hidden="true"><rect width="18" height="12" fill="url(#freeze)"/></svg> freeze</li>
        </ul>

        """
    }

    /// A circle crossed out, and an X: shapes, not only colours, and no font needed.
    static let blockedSymbol = "<svg width=\"12\" height=\"12\" aria-hidden=\"true\" class=\"sym\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"none\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/><line x1=\"2.5\" y1=\"9.5\" x2=\"9.5\" y2=\"2.5\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/></svg>"
    static let unschedulableSymbol = "<svg width=\"12\" height=\"12\" aria-hidden=\"true\" class=\"sym\"><path d=\"M2 2 L10 10 M10 2 L2 10\" stroke=\"#b71c1c\" stroke-width=\"2\"/></svg>"

    static func filter() -> String {
        "<p class=\"filter\"><label>Show clusters whose name contains <input id=\"filter\" type=\"search\" autocomplete=\"off\"></label></p>\n"
    }

    /// Month ticks from `asOf` to the horizon's end.
    static func axis(_ plan: Plan, scale: Scale) -> String {
        var html = "<div class=\"row axis\" aria-hidden=\"true\"><div class=\"label\"></div><svg class=\"lane\" width=\"\(width)\" height=\"\(rowHeight)\" viewBox=\"0 0 \(width) \(rowHeight)\">"
        var (year, month, _) = plan.asOf.components
        month += 1
        while true {
            if month > 12 { month = 1; year += 1 }
            guard let first = CalendarDate(year: year, month: month, day: 1), first <= plan.horizonEnd else { break }
            let x = number(scale.x(first))
            let anchor = scale.x(first) > Double(width - 40) ? " text-anchor=\"end\"" : ""
            html += "<line x1=\"\(x)\" y1=\"14\" x2=\"\(x)\" y2=\"\(rowHeight)\" class=\"tick\"/><text x=\"\(x)\" y=\"11\" class=\"month\"\(anchor)>\(year)-\(month < 10 ? "0" : "")\(month)</text>"
            month += 1
        }
        return html + "</svg></div>\n"
    }

    // MARK: Rows

    static func row(_ row: ReportRow, plan: Plan, scale: Scale) -> String {
        let name = HTMLText.escape(row.name)
        let kindText = row.kind == .management ? "management cluster" : "cluster"
        var html = "<div class=\"row \(row.kind.rawValue)\(row.urgency)\" data-subject=\"\(name)\" data-kind=\"\(row.kind.rawValue)\">"
        html += "<div class=\"label\"><span class=\"name\">\(name)</span> <span class=\"versions\">\(HTMLText.escape(row.current))"
        if row.target != row.current { html += " → \(HTMLText.escape(row.target))" }
        html += "</span>"
        // The verdict on asOf, as status gives it: the reason that sets the support end is its tooltip.
        if row.verdict != .supported {
            html += " <span class=\"verdict \(row.verdict.rawValue)\" title=\"\(HTMLText.escape(row.supportReason ?? ""))\">\(row.verdict == .outOfSupport ? "out of support" : "support unknown")</span>"
        }
        html += "</div>"
        html += "<svg class=\"lane\" width=\"\(width)\" height=\"\(rowHeight)\" viewBox=\"0 0 \(width) \(rowHeight)\" role=\"img\" aria-label=\"\(kindText) \(name): \(HTMLText.escape(row.current))\(row.target != row.current ? " to " + HTMLText.escape(row.target) : "")\">"
        // Each band's span on screen; a version's support end is drawn on its own band (data-band).
        var spans: [(x1: Double, x2: Double)] = []
        for (position, band) in row.bands.enumerated() {
            let x1 = scale.x(band.from)
            let x2 = position + 1 < row.bands.count ? scale.x(row.bands[position + 1].from) : Double(width)
            spans.append((x1, x2))
            guard x2 > x1 else { continue }
            let version = HTMLText.escape(band.version)
            // A version out of support is drawn red: the one it runs now when its verdict says so, the last one when
            // support has ended there by the time the plan reaches it.
            let out = (position == 0 && row.verdict == .outOfSupport)
                || (position > 0 && position == row.bands.count - 1 && row.supportEndAfterPlan.map { $0 <= band.from.utcDate } == true)
            html += "<rect class=\"band \(out ? "b-out" : "b\(position % 2)")\" data-band=\"\(position)\" x=\"\(number(x1))\" y=\"4\" width=\"\(number(x2 - x1))\" height=\"16\"><title>\(version) from \(band.from)</title></rect>"
        }
        for index in row.freezes {
            let freeze = plan.freezes[index]
            let x1 = scale.x(freeze.from), x2 = scale.x(freeze.to.adding(days: 1))
            guard x2 > x1 else { continue }
            html += "<rect class=\"freeze\" x=\"\(number(x1))\" y=\"0\" width=\"\(number(x2 - x1))\" height=\"\(rowHeight)\" fill=\"url(#freeze)\" fill-opacity=\"0.55\"><title>freeze \(HTMLText.escape(freeze.name)) \(freeze.from) – \(freeze.to)</title></rect>"
        }
        // Support of the version it runs now ends: drawn while that version still runs (a version the plan replaces
        // first has no end on the timeline; the row's band title and the steps say when it goes).
        if let end = row.supportEnd, scale.contains(end), let first = spans.first, scale.x(end) < first.x2 || spans.count == 1 {
            let x = number(scale.x(end))
            html += "<path class=\"support-end\" data-band=\"0\" d=\"M\(x) 0 l-5 0 l5 7 l5 -7 Z\"><title>support of \(HTMLText.escape(row.current)) ends \(end): \(HTMLText.escape(row.supportReason ?? ""))</title></path>"
            html += "<line class=\"support-line\" x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(rowHeight)\"/>"
        }
        // Where the plan's steps leave its support: on the last band, the version the plan leaves it on. An end before
        // the plan reaches that version is drawn where the band begins, and its title says so.
        if let end = row.supportEndAfterPlan, end != row.supportEnd, scale.contains(end), let last = row.bands.last, let span = spans.last {
            let reached = end >= last.from.utcDate
            let x = number(reached ? scale.x(end) : span.x1)
            let when = reached ? "ends \(end)" : "ended \(end), before the plan reaches it"
            html += "<path class=\"support-end-after\" data-band=\"\(row.bands.count - 1)\" d=\"M\(x) \(rowHeight) l-5 0 l5 -7 l5 7 Z\"><title>after the plan, support of \(HTMLText.escape(last.version)) \(when): \(HTMLText.escape(row.supportReasonAfterPlan ?? ""))</title></path>"
        }
        for advisory in row.advisories where scale.contains(advisory.due) {
            html += "<rect class=\"advisory\" x=\"\(number(scale.x(advisory.due)))\" y=\"17\" width=\"2\" height=\"7\"><title>\(HTMLText.escape(advisory.id)) due \(advisory.due)</title></rect>"
        }
        var unplaced: [Int] = []
        var marks: [(x1: Double, x2: Double)] = []
        for index in row.steps {
            let step = plan.steps[index]
            guard let start = step.start, let end = step.end else { unplaced.append(index); continue }
            // At least `minimumMarkWidth` wide, so that a short step shows, and a late one its hatching.
            let x1 = scale.x(start), x2 = max(scale.x(end), x1 + minimumMarkWidth)
            marks.append((x1, x2))
            let fill = step.status == .late ? " fill=\"url(#hatch)\"" : ""
            let id = HTMLText.escape(step.id)
            html += "<a class=\"mark m-\(step.status.rawValue)\" href=\"#step-\(index)\" data-step=\"\(id)\" data-start=\"\(start)\" data-end=\"\(end)\" aria-label=\"\(id), \(step.status.rawValue), \(start)\">"
            html += "<rect x=\"\(number(x1))\" y=\"6\" width=\"\(number(x2 - x1))\" height=\"12\" class=\"m-\(step.status.rawValue)\"\(fill)/></a>"
        }
        // Version labels last, each where no step mark covers it within its band (else left out: the band's title
        // has it).
        for (position, band) in row.bands.enumerated() {
            let span = spans[position]
            if let x = labelPosition(band.version, in: span, avoiding: marks) {
                html += "<text x=\"\(number(x))\" y=\"16\" class=\"version\">\(HTMLText.escape(band.version))</text>"
            }
        }
        html += "</svg>"
        if !unplaced.isEmpty {
            html += "<div class=\"unplaced\">"
            for index in unplaced {
                let step = plan.steps[index]
                let symbol = step.status == .blocked ? blockedSymbol : unschedulableSymbol
                html += "<a href=\"#step-\(index)\" class=\"mark u-\(step.status.rawValue)\">\(symbol) \(step.status.rawValue): \(HTMLText.escape(step.to.isEmpty ? step.id : step.to))</a> "
            }
            html += "</div>"
        }
        return html + "</div>\n"
    }
}
