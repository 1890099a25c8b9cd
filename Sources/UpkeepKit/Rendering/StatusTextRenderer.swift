/// `upkeep status --format text`: the summary and the next support ends, a table per management cluster
/// (standalone clusters last), then the findings and the summary again.
public enum StatusTextRenderer {
    public static func render(_ report: StatusReport) -> String {
        // The summary and what ends next come first; the tables and findings follow.
        var lines = ["Support status on \(report.asOf)"] + (report.view.map { TextWrap.wrap($0.sentence(of: "status")) } ?? [])
            + ["", StatusGroups.summary(report), StatusGroups.nextEnds(report), ""]
        for group in StatusGroups.make(report) {
            if let management = group.management {
                lines.append("Management cluster \(management.name) (\(management.platform) \(management.version)): \(management.answer.phrase), \(StatusGroups.until(management.answer.until))")
                lines += Self.notes(management.support, management.answer, [], on: report.asOf, indent: "  ", pool: false)
            } else {
                lines.append("Standalone clusters (upstream Kubernetes)")
            }
            // One row per cluster and pool; the reason that sets UNTIL and the advisories go on their own
            // lines under the row, so that the table keeps to a terminal's width.
            var table = [["CLUSTER / POOL", "VERSION", "IMAGE", "SUPPORTED", "UNTIL"]]
            var notes: [[String]] = [[]]
            for cluster in group.clusters {
                table.append([cluster.name, cluster.kubernetesVersion, "", cluster.answer.cell, cluster.answer.until?.description ?? "-"])
                notes.append(Self.notes(cluster.support, cluster.answer, cluster.advisories, on: report.asOf, indent: "      ", pool: false))
                for pool in cluster.nodePools {
                    table.append(["  " + pool.name, pool.kubernetesVersion, pool.nodeImage, pool.answer.cell, pool.answer.until?.description ?? "-"])
                    notes.append(Self.notes(pool.support, pool.answer, pool.advisories, on: report.asOf, indent: "        ", pool: true))
                }
            }
            if group.clusters.isEmpty {
                lines.append("  (no workload clusters)")
            } else {
                for (row, rowNotes) in zip(TextTable.render(table), notes) {
                    lines.append("  " + row)
                    lines += rowNotes
                }
            }
            lines.append("")
        }
        if !report.findings.isEmpty {
            lines.append("Findings")
            lines += FindingGroup.grouping(report.findings).flatMap { TextWrap.wrap("  " + $0.textLine) }
            lines.append("")
        }
        lines.append(StatusGroups.summary(report))
        return lines.flatMap { TextWrap.wrap($0) }.joined(separator: "\n") + "\n"
    }

    /// A pool's short form of its management cluster's reason, which its cluster's row gives in full.
    private static func pointer(_ answer: SupportAnswer) -> String {
        guard let name = answer.through else { return (answer.inherited ?? "") }
        return "management cluster \(name) is out of support" + (answer.inheritedUntil.map { " from \($0)" } ?? "") + " (above)"
    }

    /// The lines under a row: what the feeds cannot tell, why it is out of support through its management
    /// cluster, why it is supported until that day by its own rules, every other rule it already fails (earliest
    /// first), and its advisories. A pool's row points to its cluster's for the management cluster's reason.
    private static func notes(_ support: CombinedSupport, _ answer: SupportAnswer, _ advisories: [AdvisoryStatus], on date: CalendarDate,
                              indent: String, pool: Bool) -> [String] {
        let verdicts = support.orderedVerdicts
        var lines = answer.unknownBecause.map { ["\(indent)unknown: \($0)"] } ?? []
        if let inherited = answer.inherited, answer.inheritedFirst(support) {
            // Out of support through its management cluster first: say that, then what its own rules say.
            lines.append("\(indent)why: " + (pool ? Self.pointer(answer) : inherited))
            lines.append("\(indent)its own rules: \(verdicts.first?.reason ?? "")")
        } else {
            lines.append("\(indent)why: \(verdicts.first?.reason ?? "")")
            if let inherited = answer.inherited {
                lines.append("\(indent)also: " + (pool ? Self.pointer(answer) : inherited))
            }
        }
        for verdict in verdicts.dropFirst() where !verdict.isSupported(on: date) {
            lines.append("\(indent)also: \(verdict.reason)")
        }
        if !advisories.isEmpty { lines.append("\(indent)advisories: \(StatusGroups.advisories(advisories))") }
        return lines
    }
}

/// Left-aligned columns separated by two spaces; trailing spaces trimmed.
enum TextTable {
    static func render(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
