/// One row of the report's timeline: a management cluster or a workload cluster, what it runs over time,
/// where that support ends, its steps, its advisory deadlines and the freezes that cover it.
struct ReportRow: Sendable {
    enum Kind: String, Sendable { case management = "management-cluster", cluster }

    /// A version held from `from` (an instant) on.
    struct Band: Sendable {
        var version: String
        var from: Instant
    }

    var kind: Kind
    var name: String
    /// `aks-arc 2510` or `1.29.13`.
    var current: String
    var target: String
    var bands: [Band]
    var supportEnd: CalendarDate?
    var supportReason: String?
    /// The one verdict on `asOf` (SupportAnswer), the status's.
    var verdict: SupportAnswer.State = .supported
    /// Where the plan's placed steps leave its support (drawn when it differs from where it starts).
    var supportEndAfterPlan: CalendarDate? = nil
    var supportReasonAfterPlan: String? = nil
    /// Indices into the plan's steps, in plan order.
    var steps: [Int]
    var advisories: [(id: String, due: CalendarDate)]
    /// Indices into the plan's freezes.
    var freezes: [Int]
    /// The class its label is coloured by, from its most urgent error (ReportRenderer.urgencyClass).
    var urgency = ""

    /// The rows in report order: each management cluster (by name) followed by its workload clusters, then
    /// the standalone clusters; workload clusters in the plan's cluster order.
    static func rows(plan: Plan, status: StatusReport, inputs: InputLookup) -> [ReportRow] {
        var stepsBySubject: [String: [Int]] = [:]
        for (index, step) in plan.steps.enumerated() { stepsBySubject[step.subject, default: []].append(index) }
        var clusterStatus: [String: ClusterStatus] = [:]
        for cluster in status.clusters where clusterStatus[cluster.name] == nil { clusterStatus[cluster.name] = cluster }
        let start = Instant(startOf: plan.asOf)

        func bands(_ current: String, _ steps: [Int], changes: (PlanStep) -> Bool) -> [Band] {
            var bands = [Band(version: current, from: start)]
            for index in steps {
                let step = plan.steps[index]
                if changes(step), let end = step.end { bands.append(Band(version: step.to, from: end)) }
            }
            return bands
        }
        func freezes(ring: String?) -> [Int] {
            plan.freezes.indices.filter { index in
                guard let rings = plan.freezes[index].rings else { return true }
                return ring.map { name in rings.contains { $0.name == name } } ?? false
            }
        }
        func clusterRow(_ summary: Plan.ClusterSummary) -> ReportRow {
            let own = stepsBySubject["cluster/\(summary.name)"] ?? []
            let status = clusterStatus[summary.name]
            let advisories = (status?.advisories ?? []).compactMap { advisory in advisory.due.map { (id: advisory.id, due: $0) } }
            return ReportRow(kind: .cluster, name: summary.name, current: summary.current, target: summary.target,
                             bands: bands(summary.current, own) { $0.kind == .kubernetesUpgrade },
                             // The one verdict (SupportAnswer): a management cluster out of support ends its clusters' support too.
                             supportEnd: status?.answer.until ?? summary.supportedUntil,
                             supportReason: status.flatMap { $0.answer.reasons($0.support).first } ?? summary.supportReasons.first,
                             verdict: status?.answer.state ?? .supported,
                             supportEndAfterPlan: summary.supportedUntilAfterPlan, supportReasonAfterPlan: summary.supportReasonsAfterPlan.first,
                             steps: own, advisories: advisories, freezes: freezes(ring: inputs.clusters[summary.name]?.ring?.name))
        }

        var workload: [String: [Plan.ClusterSummary]] = [:]
        var standalone: [Plan.ClusterSummary] = []
        for summary in plan.clusters {
            if let management = inputs.clusters[summary.name]?.managementCluster?.name {
                workload[management, default: []].append(summary)
            } else {
                standalone.append(summary)
            }
        }
        var rows: [ReportRow] = []
        var afterPlan: [String: Plan.ManagementSummary] = [:]
        for row in plan.managementClusters where afterPlan[row.name] == nil { afterPlan[row.name] = row }
        for management in status.managementClusters.sorted(by: { UTF8Order.precedes($0.name, $1.name) }) {
            let own = stepsBySubject["management-cluster/\(management.name)"] ?? []
            let current = "\(management.platform) \(management.version)"
            let row = ReportRow(kind: .management, name: management.name, current: current,
                                target: own.last { plan.steps[$0].kind == .platformUpdate }.map { "\(management.platform) \(plan.steps[$0].to)" } ?? current,
                                bands: bands(management.version, own) { $0.kind == .platformUpdate },
                                supportEnd: management.answer.until, supportReason: management.support.reasons.first, verdict: management.answer.state,
                                supportEndAfterPlan: afterPlan[management.name]?.supportedUntilAfterPlan,
                                supportReasonAfterPlan: afterPlan[management.name]?.supportReasonsAfterPlan.first,
                                steps: own, advisories: [], freezes: freezes(ring: nil))
            rows.append(row)
            rows += (workload[management.name] ?? []).map(clusterRow)
        }
        rows += standalone.map(clusterRow)
        return rows
    }
}
