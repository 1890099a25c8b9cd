/// The report's findings: most urgent first, one entry per cause (FindingGroup); past `inlineFindings` entries,
/// the rest wait until asked for (ReportRenderer+Deferred).
extension ReportRenderer {
    static func findings(_ plan: Plan) -> String {
        var html = "<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Findings</h2>\n<ul class=\"findings\">\n"
        let groups = FindingGroup.grouping(plan.findings)
        var later = ""
        for (index, group) in groups.enumerated() {
            let text = group.isGroup ? group.message : "\(group.first.subject): \(group.first.message)"
            let item = "<li id=\"finding-\(index)\" class=\"f-\(group.severity.rawValue)\"><strong>\(group.severity.rawValue)</strong> <code>\(HTMLText.escape(group.code))</code> \(HTMLText.escape(text))\(group.position.map { " <span class=\"where\">(\(HTMLText.escape($0)))</span>" } ?? "")</li>\n"
            if index < inlineFindings { html += item } else { later += item }
        }
        if plan.findings.isEmpty { html += "<li>No findings.</li>\n" }
        if !later.isEmpty { html += deferred(later, group: "findings") }
        html += "</ul>\n"
        if !later.isEmpty { html += moreButton(group: "findings", "Show \(Plural.count(groups.count - inlineFindings, "more finding"))") }
        return html + "</section>\n"
    }
}
