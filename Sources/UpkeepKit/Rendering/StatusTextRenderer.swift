/// `upkeep status --format text`: a table per management cluster (standalone clusters last), then the
/// findings and a one-line summary.
public enum StatusTextRenderer {
    public static func render(_ report: StatusReport) -> String {
        var lines = ["Support status on \(report.asOf)", ""]
        for group in StatusGroups.make(report) {
            if let management = group.management {
                let state = management.supported ? "supported" : "OUT OF SUPPORT"
                lines.append("Management cluster \(management.name) (\(management.platform) \(management.version)): \(state), \(StatusGroups.until(management.support.supportedUntil))")
                lines.append("  why: \(management.support.decisiveReason(on: report.asOf))")
            } else {
                lines.append("Standalone clusters (upstream Kubernetes)")
            }
            var table = [["CLUSTER / POOL", "VERSION", "IMAGE", "SUPPORTED", "UNTIL", "WHY", "ADVISORIES"]]
            for cluster in group.clusters {
                table.append([cluster.name, cluster.kubernetesVersion, "", cluster.supported ? "yes" : "NO",
                              cluster.support.supportedUntil?.description ?? "-", cluster.support.decisiveReason(on: report.asOf),
                              StatusGroups.advisories(cluster.advisories)])
                for pool in cluster.nodePools {
                    table.append(["  " + pool.name, pool.kubernetesVersion, pool.nodeImage, pool.supported ? "yes" : "NO",
                                  pool.support.supportedUntil?.description ?? "-", pool.support.decisiveReason(on: report.asOf),
                                  StatusGroups.advisories(pool.advisories)])
                }
            }
            lines += group.clusters.isEmpty ? ["  (no workload clusters)"] : TextTable.render(table).map { "  " + $0 }
            lines.append("")
        }
        if !report.findings.isEmpty {
            lines.append("Findings")
            lines += report.findings.map { "  " + $0.textLine }
            lines.append("")
        }
        lines.append(StatusGroups.summary(report))
        return lines.joined(separator: "\n") + "\n"
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
