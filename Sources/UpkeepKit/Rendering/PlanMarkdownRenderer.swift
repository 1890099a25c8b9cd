/// `upkeep plan --format markdown`: for a pull request or a job summary — a summary line, a table per
/// month, findings with severity marks, each step's explanation in a `<details>` block.
public enum PlanMarkdownRenderer {
    public static func render(_ plan: Plan) -> String {
        var lines = ["## Upkeep plan \(plan.asOf) → \(plan.horizonEnd)", ""] + (plan.view.map { [MarkdownText.escape($0.sentence()), ""] } ?? [])
            + [PlanGroups.summary(plan), ""]
        var months: [(String, [PlanStep])] = []
        for step in plan.steps {
            let month = step.start.map { String($0.utcDate.description.prefix(7)) } ?? "without a slot"
            if let index = months.firstIndex(where: { $0.0 == month }) { months[index].1.append(step) } else { months.append((month, [step])) }
        }
        for (month, steps) in months {
            lines.append("### \(month)")
            lines.append("")
            lines.append("| Start (UTC) | Subject | Step | From → to | Due | Status |")
            lines.append("|---|---|---|---|---|---|")
            for step in steps {
                let status = step.status == .scheduled ? "✅ scheduled" : step.status == .blocked ? "⚠️ blocked" : "❌ \(step.status.rawValue)"
                let cells = [step.start?.description ?? "—", MarkdownText.escape(PlanGroups.subject(step)), step.kind.rawValue,
                             MarkdownText.escape("\(step.from) → \(step.to)"), step.due?.description ?? "—", status]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if !plan.managementClusters.isEmpty {
            lines.append("### Management clusters")
            lines.append("")
            lines.append("| Management cluster | Platform | Release → after the plan | Now | Supported until | After the plan | Why, after the plan |")
            lines.append("|---|---|---|---|---|---|---|")
            for row in plan.managementClusters {
                let now = row.support.map { $0.state == .outOfSupport ? "❌ out of support" : $0.state == .unknown ? "❔ unknown" : "✅ supported" } ?? "—"
                let cells = [MarkdownText.escape(row.name), MarkdownText.escape(row.platform), MarkdownText.escape("\(row.current) → \(row.target)"),
                             now, row.supportedUntil?.description ?? "—", row.supportedUntilAfterPlan?.description ?? "—",
                             MarkdownText.escape(row.supportReasonsAfterPlan.first ?? "")]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if !plan.findings.isEmpty {
            lines.append("### Findings")
            lines.append("")
            lines += FindingGroup.grouping(plan.findings).map(\.markdownLine)
            lines.append("")
        }
        lines.append("<details><summary>Why each step</summary>")
        lines.append("")
        for step in plan.steps {
            var text = "- \(MarkdownText.code(step.id)): " + step.reasons.map(MarkdownText.escape).joined(separator: "; ")
            if let reason = step.dueReason { text += " — due \(step.due?.description ?? ""): \(MarkdownText.escape(reason))" }
            if !step.after.isEmpty { text += " — after " + step.after.map { MarkdownText.code($0) }.joined(separator: ", ") }
            lines.append(text)
        }
        lines.append("")
        lines.append("</details>")
        return lines.joined(separator: "\n") + "\n"
    }
}
