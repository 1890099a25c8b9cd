/// `upkeep status --format text`: a table per management cluster (standalone clusters last), then the
/// findings and a one-line summary.
public enum StatusTextRenderer {
    public static func render(_ report: StatusReport) -> String {
        var lines = ["Support status on \(report.asOf)", ""]
        for group in StatusGroups.make(report) {
            if let management = group.management {
                let state = StatusReport.state(supported: management.supported, unknownBecause: management.unknownBecause)
                lines.append("Management cluster \(management.name) (\(management.platform) \(management.version)): \(state), \(StatusGroups.until(management.support.supportedUntil))")
                lines += Self.unknown(management.unknownBecause, indent: "  ") + Self.notes(management.support, [], on: report.asOf, indent: "  ")
            } else {
                lines.append("Standalone clusters (upstream Kubernetes)")
            }
            // One row per cluster and pool; the reason that sets UNTIL and the advisories go on their own
            // lines under the row, so that the table keeps to a terminal's width.
            var table = [["CLUSTER / POOL", "VERSION", "IMAGE", "SUPPORTED", "UNTIL"]]
            var notes: [[String]] = [[]]
            for cluster in group.clusters {
                table.append([cluster.name, cluster.kubernetesVersion, "", Self.cell(cluster.supported, cluster.unknownBecause),
                              cluster.support.supportedUntil?.description ?? "-"])
                notes.append(Self.unknown(cluster.unknownBecause, indent: "      ") + Self.notes(cluster.support, cluster.advisories, on: report.asOf, indent: "      "))
                for pool in cluster.nodePools {
                    table.append(["  " + pool.name, pool.kubernetesVersion, pool.nodeImage, Self.cell(pool.supported, pool.unknownBecause),
                                  pool.support.supportedUntil?.description ?? "-"])
                    notes.append(Self.unknown(pool.unknownBecause, indent: "        ") + Self.notes(pool.support, pool.advisories, on: report.asOf, indent: "        "))
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
            lines += report.findings.map { "  " + $0.textLine }
            lines.append("")
        }
        lines.append(StatusGroups.summary(report))
        return lines.flatMap { TextWrap.wrap($0) }.joined(separator: "\n") + "\n"
    }

    /// `yes`, `NO`, or `unknown` when the feeds cannot tell whether what they say still holds.
    static func cell(_ supported: Bool, _ unknownBecause: String?) -> String {
        !supported ? "NO" : unknownBecause == nil ? "yes" : "unknown"
    }

    static func unknown(_ because: String?, indent: String) -> [String] {
        because.map { ["\(indent)unknown: \($0)"] } ?? []
    }

    /// The lines under a row: why it is supported until that day, every other rule it already fails (earliest
    /// first), and its advisories.
    private static func notes(_ support: CombinedSupport, _ advisories: [AdvisoryStatus], on date: CalendarDate, indent: String) -> [String] {
        let verdicts = support.orderedVerdicts
        var lines = ["\(indent)why: \(verdicts.first?.reason ?? "")"]
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
