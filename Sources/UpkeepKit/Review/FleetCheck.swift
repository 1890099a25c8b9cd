/// `upkeep check`: the gate a fleet repository's CI runs. It fails (exit 3) when the plan has an error
/// finding, when a cluster or management cluster goes out of support within the horizon and no on-time
/// step of the plan serves that deadline, or when the committed plan file is not the plan of the inputs.
public struct FleetCheck: Sendable {
    /// Errors first, then by subject, code and message.
    public var problems: [Finding]

    public var errorCount: Int { problems.count { $0.severity == .error } }
    public var warningCount: Int { problems.count { $0.severity == .warning } }
    public var passes: Bool { errorCount == 0 }

    /// The committed plan file and whether it is the plan of the inputs, when `--plan` was given.
    public struct CommittedPlan: Sendable {
        public var path: String
        public var isCurrent: Bool
        /// The command that writes the plan again.
        public var command: String

        public init(path: String, isCurrent: Bool, command: String) {
            self.path = path
            self.isCurrent = isCurrent
            self.command = command
        }
    }

    public init(plan: Plan, status: StatusReport, inputs: InputSet, committed: CommittedPlan? = nil) {
        self.init(plan: plan, status: status, lookup: InputLookup(inputs), committed: committed)
    }

    /// With the inputs already looked up (the report has them at hand).
    init(plan: Plan, status: StatusReport, lookup: InputLookup, committed: CommittedPlan? = nil) {
        var problems = plan.findings
        let subjects = status.managementClusters.map { (key: "management-cluster/\($0.name)", name: $0.name, support: $0.support,
                                                        position: lookup.managements[$0.name]?.position) }
            + status.clusters.map { (key: "cluster/\($0.name)", name: $0.name, support: $0.support, position: lookup.clusters[$0.name]?.position) }
        // The earliest due date among each subject's on-time steps: a step serves a support end when it is
        // due on or before it, so some step does exactly when the earliest one does.
        var earliestDue: [String: CalendarDate] = [:]
        for step in plan.steps where step.status == .scheduled {
            guard let due = step.due else { continue }
            earliestDue[step.subject] = min(earliestDue[step.subject] ?? due, due)
        }
        for subject in subjects {
            guard let end = subject.support.supportedUntil, end <= plan.horizonEnd else { continue }
            let serving = earliestDue[subject.key].map { $0 <= end } ?? false
            guard !serving else { continue }
            let when = end <= plan.asOf ? "has been out of support since \(end)" : "is out of support from \(end)"
            let why = subject.support.reasons.first.map { " (\($0))" } ?? ""
            problems.append(Finding(.error, code: "support-end-unplanned", subject: subject.key,
                                    message: "\(subject.key.hasPrefix("cluster/") ? "cluster" : "management cluster") \(subject.name) \(when)\(why), and no on-time step of the plan serves that deadline.",
                                    position: subject.position))
        }
        if let committed, !committed.isCurrent {
            problems.append(Finding(.error, code: "plan-stale", subject: "plan/\(committed.path)",
                                    message: "\(committed.path) is not the plan of these inputs; write it again with `\(committed.command)` and commit it.",
                                    position: SourcePosition(path: committed.path, line: 1, column: 1)))
        }
        self.problems = problems.sorted()
    }
}
