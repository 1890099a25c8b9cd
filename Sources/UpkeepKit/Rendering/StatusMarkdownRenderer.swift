/// `upkeep status --format markdown`: for a pull request or a job summary.
public enum StatusMarkdownRenderer {
    public static func render(_ report: StatusReport) -> String {
        var lines = ["## Upkeep support status on \(report.asOf)", "", StatusGroups.summary(report), ""]
        for group in StatusGroups.make(report) {
            if let management = group.management {
                let state = !management.supported ? "❌ out of support" : management.unknownBecause == nil ? "✅ supported" : "❔ support unknown"
                lines.append("### Management cluster \(MarkdownText.code(management.name)) — \(MarkdownText.escape(management.platform)) \(management.version)")
                lines.append("")
                lines.append("\(state), \(StatusGroups.until(management.support.supportedUntil)): \(MarkdownText.escape(management.unknownBecause.map { $0 + "; " } ?? ""))\(MarkdownText.escape(management.support.reasons.first ?? ""))")
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
                    lines.append(row("**\(MarkdownText.escape(cluster.name))**", cluster.kubernetesVersion, "", cluster.supported,
                                     cluster.unknownBecause, cluster.support, cluster.advisories, on: report.asOf))
                    for pool in cluster.nodePools {
                        lines.append(row("↳ \(MarkdownText.escape(pool.name)) (\(pool.os.rawValue))", pool.kubernetesVersion, pool.nodeImage,
                                         pool.supported, pool.unknownBecause, pool.support, pool.advisories, on: report.asOf))
                    }
                }
            }
            lines.append("")
        }
        if !report.findings.isEmpty {
            lines.append("### Findings")
            lines.append("")
            lines += report.findings.map(\.markdownLine)
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

    private static func row(_ name: String, _ version: String, _ image: String, _ supported: Bool, _ unknownBecause: String?,
                            _ support: CombinedSupport, _ advisories: [AdvisoryStatus], on date: CalendarDate) -> String {
        let mark = !supported ? "❌" : unknownBecause == nil ? "✅" : "❔ unknown"
        let why = (unknownBecause.map { "unknown: \($0); " } ?? "") + (support.reasons.first ?? "")
        let cells = [name, version, MarkdownText.escape(image), mark, support.supportedUntil?.description ?? "—",
                     MarkdownText.escape(why), MarkdownText.escape(StatusGroups.advisories(advisories))]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
