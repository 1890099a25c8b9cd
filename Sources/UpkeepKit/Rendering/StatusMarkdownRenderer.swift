/// `upkeep status --format markdown`: for a pull request or a job summary.
public enum StatusMarkdownRenderer {
    public static func render(_ report: StatusReport) -> String {
        var lines = ["## Upkeep support status on \(report.asOf)", ""] + (report.view.map { [MarkdownText.escape($0.sentence(of: "status")), ""] } ?? [])
            + [StatusGroups.summary(report), "", MarkdownText.escape(StatusGroups.nextEnds(report)), ""]
        for group in StatusGroups.make(report) {
            if let management = group.management {
                let state = Self.mark(management.answer, long: true)
                lines.append("### Management cluster \(MarkdownText.code(management.name)) — \(MarkdownText.escape(management.platform)) \(management.version)")
                lines.append("")
                lines.append("\(state), \(StatusGroups.until(management.answer.until)): \(MarkdownText.escape(management.answer.unknownBecause.map { $0 + "; " } ?? ""))\(MarkdownText.escape(management.support.reasons.first ?? ""))")
            } else {
                lines.append("### Standalone clusters (upstream Kubernetes)")
            }
            lines.append("")
            if group.clusters.isEmpty {
                lines.append("No workload clusters.")
            } else {
                lines.append("| Cluster / pool | Version | Image | Supported | Until | Why | Advisories |")
                lines.append("|---|---|---|---|---|---|---|")
                for cluster in group.clusters {
                    lines.append(row("**\(MarkdownText.escape(cluster.name))**", cluster.kubernetesVersion, "", cluster.answer,
                                     cluster.support, cluster.advisories, on: report.asOf))
                    for pool in cluster.nodePools {
                        lines.append(row("↳ \(MarkdownText.escape(pool.name)) (\(pool.os.rawValue))", pool.kubernetesVersion, pool.nodeImage,
                                         pool.answer, pool.support, pool.advisories, on: report.asOf))
                    }
                }
            }
            lines.append("")
        }
        if !report.findings.isEmpty {
            lines.append("### Findings")
            lines.append("")
            lines += FindingGroup.grouping(report.findings).map(\.markdownLine)
            lines.append("")
        }
        lines.append("<details><summary>Every rule applied</summary>")
        lines.append("")
        for cluster in report.clusters {
            lines.append("- **\(MarkdownText.escape(cluster.name))**: " + cluster.support.reasons.map(MarkdownText.escape).joined(separator: "; "))
            for pool in cluster.nodePools {
                lines.append("  - \(MarkdownText.escape(pool.name)): " + pool.support.reasons.map(MarkdownText.escape).joined(separator: "; "))
            }
        }
        lines.append("")
        lines.append("</details>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// ❌, ✅ or ❔ (with words when `long`).
    private static func mark(_ answer: SupportAnswer, long: Bool) -> String {
        switch answer.state {
        case .outOfSupport: return long ? "❌ out of support" : "❌"
        case .supported: return long ? "✅ supported" : "✅"
        case .unknown: return long ? "❔ support unknown" : "❔ unknown"
        }
    }

    private static func row(_ name: String, _ version: String, _ image: String, _ answer: SupportAnswer,
                            _ support: CombinedSupport, _ advisories: [AdvisoryStatus], on date: CalendarDate) -> String {
        let reasons = answer.reasons(support)
        let why = (answer.unknownBecause.map { "unknown: \($0); " } ?? "") + reasons.prefix(answer.inherited == nil ? 1 : 2).joined(separator: "; ")
        let cells = [name, version, MarkdownText.escape(image), mark(answer, long: false), answer.until?.description ?? "—",
                     MarkdownText.escape(why), MarkdownText.escape(StatusGroups.advisories(advisories))]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
