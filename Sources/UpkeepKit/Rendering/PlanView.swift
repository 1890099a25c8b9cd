/// `--cluster NAME` (repeatable) and `--until DATE`: a view of the whole plan (or status), never a different
/// plan. The plan is made for the whole fleet as always; the view keeps
/// - of `--cluster`: the named clusters (a management cluster's name names it and every cluster it hosts), their
///   steps and every step they wait for (`after`, transitively: a workload cluster's upgrade shows the platform
///   update of its management cluster that must come first), the findings about those subjects and the fleet-wide
///   ones (feeds, advisories, platforms), the rows of the named clusters and of their management clusters;
/// - of `--until`: the steps that start before that day (00:00 UTC) and the steps without a slot due before it or
///   with no due date, and the findings due before it or with no day.
public struct PlanView: Sendable {
    public var names: [String]
    public var until: CalendarDate?

    public init(names: [String] = [], until: CalendarDate? = nil) {
        self.names = names
        self.until = until
    }

    public var isWhole: Bool { names.isEmpty && until == nil }

    /// `View of the whole plan: cluster a and the steps it waits for; what happens before 2026-12-14.`, for the
    /// head of the human-readable outputs (`whole`: plan or status).
    public func sentence(of whole: String = "plan") -> String {
        var parts: [String] = []
        if !names.isEmpty {
            parts.append(names.count == 1 ? "cluster \(names[0])" : "clusters \(names.joined(separator: ", "))")
            if whole == "plan" { parts[0] += names.count == 1 ? " and the steps it waits for" : " and the steps they wait for" }
        }
        if let until { parts.append("what happens before \(until)") }
        return "View of the whole \(whole): " + parts.joined(separator: "; ") + "."
    }

    /// The plan file's `view` object: `clusters` and `until`.
    public var json: JSONValue {
        .object(["clusters": .array(names.map { .string($0) }), "until": .string(until?.description)])
    }

    /// What the fleet holds of the names asked for.
    struct Selection {
        var clusters: Set<String> = []
        var managements: Set<String> = []
        /// The management clusters named themselves (their own steps belong to the view).
        var namedManagements: Set<String> = []
    }

    /// One sentence per `--cluster` name the fleet does not have, with the closest names.
    public func unknownNames(in inputs: InputSet) -> [String] {
        let known = inputs.clusters.map(\.name) + inputs.managementClusters.map(\.name)
        let set = Set(known)
        return names.filter { !set.contains($0) }.map { name in
            "--cluster \(name): the fleet has no cluster or management cluster of that name" + NameSuggestion.sentenceEnding(for: name, among: known)
        }
    }

    func selection(_ inputs: InputSet) -> Selection {
        var selection = Selection()
        let asked = Set(names)
        for management in inputs.managementClusters where asked.contains(management.name) {
            selection.managements.insert(management.name)
            selection.namedManagements.insert(management.name)
        }
        for cluster in inputs.clusters {
            let management = cluster.managementCluster?.name
            if asked.contains(cluster.name) || management.map(selection.namedManagements.contains) == true {
                selection.clusters.insert(cluster.name)
                if let management { selection.managements.insert(management) }
            }
        }
        return selection
    }

    // MARK: The plan

    public func apply(to plan: Plan, inputs: InputSet) -> Plan {
        guard !isWhole else { return plan }
        var view = plan
        view.view = self
        var steps = plan.steps
        if !names.isEmpty {
            let selection = selection(inputs)
            steps = Self.withPredecessors(of: plan.steps) { step in
                if let cluster = step.cluster { return selection.clusters.contains(cluster) }
                return step.managementCluster.map(selection.namedManagements.contains) ?? false
            }
            let subjects = Set(steps.map(\.subject))
            view.findings = plan.findings.filter { finding in
                subjects.contains(finding.subject) || Self.isAbout(finding.subject, selection) || !Self.isClusterSubject(finding.subject)
            }
            view.clusters = plan.clusters.filter { selection.clusters.contains($0.name) }
            view.managementClusters = plan.managementClusters.filter { selection.managements.contains($0.name) }
        }
        if let until {
            let day = Instant(startOf: until)
            steps = steps.filter { step in
                if let start = step.start { return start < day }
                return step.due.map { $0 < until } ?? true
            }
            view.findings = view.findings.filter { $0.due.map { $0 < until } ?? true }
        }
        view.steps = steps
        return view
    }

    /// The steps `include` keeps and every step they wait for, in plan order.
    static func withPredecessors(of steps: [PlanStep], include: (PlanStep) -> Bool) -> [PlanStep] {
        let byID = Dictionary(steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var kept = Array(repeating: false, count: steps.count)
        var pending = steps.indices.filter { include(steps[$0]) }
        while let index = pending.popLast() {
            guard !kept[index] else { continue }
            kept[index] = true
            pending += steps[index].after.compactMap { byID[$0] }.filter { !kept[$0] }
        }
        return steps.indices.filter { kept[$0] }.map { steps[$0] }
    }

    /// `cluster/C…` of a selected cluster, or `management-cluster/M` of a selected management cluster.
    static func isAbout(_ subject: String, _ selection: Selection) -> Bool {
        let parts = subject.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        switch parts[0] {
        case "cluster": return selection.clusters.contains(String(parts[1]))
        case "management-cluster": return selection.managements.contains(String(parts[1]))
        default: return false
        }
    }

    static func isClusterSubject(_ subject: String) -> Bool {
        subject.hasPrefix("cluster/") || subject.hasPrefix("management-cluster/")
    }

    // MARK: The status

    public func apply(to report: StatusReport, inputs: InputSet) -> StatusReport {
        guard !isWhole else { return report }
        var view = report
        view.view = self
        if !names.isEmpty {
            let selection = selection(inputs)
            view.clusters = report.clusters.filter { selection.clusters.contains($0.name) }
            view.managementClusters = report.managementClusters.filter { selection.managements.contains($0.name) }
            view.findings = report.findings.filter { Self.isAbout($0.subject, selection) || !Self.isClusterSubject($0.subject) }
        }
        if let until { view.findings = view.findings.filter { $0.due.map { $0 < until } ?? true } }
        return view
    }
}
