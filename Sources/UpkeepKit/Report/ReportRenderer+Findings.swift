/// The report's findings: most urgent first, one entry per cause (FindingGroup).
extension ReportRenderer {
    static func findings(_ plan: Plan) -> String {
        var html = "<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Findings</h2>\n<ul class=\"findings\">\n"
        // Most urgent first, one entry per cause (FindingGroup).
        for (index, group) in FindingGroup.grouping(plan.findings).enumerated() {
            let text = group.isGroup ? group.message : "\(group.first.subject): \(group.first.message)"
            html += "<li id=\"finding-\(index)\" class=\"f-\(group.severity.rawValue)\"><strong>\(group.severity.rawValue)</strong> <code>\(HTMLText.escape(group.code))</code> \(HTMLText.escape(text))\(group.position.map { " <span class=\"where\">(\(HTMLText.escape($0)))</span>" } ?? "")</li>\n"
        }
        if plan.findings.isEmpty { html += "<li>No findings.</li>\n" }
        return html + "</ul>\n</section>\n"
    }
}
