/// The status report grouped as every human-readable output shows it: one group per management
/// cluster in name order, then the standalone clusters.
struct StatusGroups {
    var management: ManagementClusterStatus?
    var clusters: [ClusterStatus]

    static func make(_ report: StatusReport) -> [StatusGroups] {
        var groups = report.managementClusters.map { management in
            StatusGroups(management: management, clusters: report.clusters.filter { $0.managementCluster == management.name })
        }
        let known = Set(report.managementClusters.map(\.name))
        let standalone = report.clusters.filter { cluster in cluster.managementCluster.map { !known.contains($0) } ?? true }
        if !standalone.isEmpty { groups.append(StatusGroups(management: nil, clusters: standalone)) }
        return groups
    }

    static func until(_ date: CalendarDate?) -> String {
        date.map { "until \($0)" } ?? "no announced end"
    }

    /// `CVE-2024-5321 (medium, due 2024-10-16)`, joined with commas.
    static func advisories(_ advisories: [AdvisoryStatus]) -> String {
        advisories.map { advisory in
            let due = advisory.unfixed ? "no fix" : advisory.due.map { "due \($0)" } ?? "no deadline"
            return "\(advisory.id) (\(advisory.severity.rawValue), \(due))"
        }.joined(separator: ", ")
    }

    /// `Status: 3 management clusters, 8 clusters, 14 node pools; 4 clusters and 5 pools out of support; 9 errors, 4 warnings.`
    static func summary(_ report: StatusReport) -> String {
        let pools = report.clusters.flatMap(\.nodePools)
        let outClusters = report.clusters.count { $0.answer.isOutOfSupport }
        let outPools = pools.count { $0.answer.isOutOfSupport }
        let unknown = report.managementClusters.count { $0.answer.state == .unknown } + report.clusters.count { $0.answer.state == .unknown }
            + pools.count { $0.answer.state == .unknown }
        let errors = report.findings.count { $0.severity == .error }
        let warnings = report.findings.count { $0.severity == .warning }
        return "Status: \(Plural.count(report.managementClusters.count, "management cluster")), "
            + "\(Plural.count(report.clusters.count, "cluster")), \(Plural.count(pools.count, "node pool")); "
            + "\(Plural.count(outClusters, "cluster")) and \(Plural.count(outPools, "pool")) out of support; "
            + (unknown > 0 ? "\(unknown) whose support the feeds cannot tell; " : "")
            + "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))."
    }

    /// What to do next, first: the subjects still supported whose support ends soonest (up to five), with the day
    /// and why — `Next support ends: arc-berlin 2026-12-14 (certificates expire …); …` — or that none ends.
    static func nextEnds(_ report: StatusReport, limit: Int = 5) -> String {
        var ends: [(day: CalendarDate, subject: String, reason: String)] = []
        for management in report.managementClusters where !management.answer.isOutOfSupport {
            if let day = management.answer.until { ends.append((day, "management cluster \(management.name)", management.support.reasons.first ?? "")) }
        }
        for cluster in report.clusters {
            if !cluster.answer.isOutOfSupport, let day = cluster.answer.until {
                ends.append((day, "cluster \(cluster.name)", cluster.answer.reasons(cluster.support).first ?? ""))
            }
            for pool in cluster.nodePools where !pool.answer.isOutOfSupport {
                if let day = pool.answer.until { ends.append((day, "node pool \(pool.name) of cluster \(cluster.name)", pool.answer.reasons(pool.support).first ?? "")) }
            }
        }
        let soonest = ends.sorted { $0.day != $1.day ? $0.day < $1.day : UTF8Order.precedes($0.subject, $1.subject) }.prefix(limit)
        guard !soonest.isEmpty else { return "Next support ends: none that the feeds know of among what is supported now." }
        return "Next support ends: " + soonest.map { "\($0.subject) on \($0.day) (\($0.reason))" }.joined(separator: "; ") + "."
    }
}
