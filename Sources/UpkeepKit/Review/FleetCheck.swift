/// `upkeep check`: the gate a fleet repository's CI runs. It fails (exit 3) when the plan has an error
/// finding — among them every day inside the horizon that leaves a management cluster, workload cluster or node
/// pool out of support with no step that fixes it (`support-gap-*`, planning.md, "Support through the horizon") and every late step — or when
/// the committed plan file is not the plan of the inputs.
public struct FleetCheck: Sendable {
    /// In the urgency order (FindingCatalog+Urgency): GitHub shows the first ten annotations of each level.
    public var problems: [Finding]

    /// The verdicts on `asOf` of the plan's rows (SupportAnswer), in one sentence: what `status` says, counted.
    public var support = ""

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

    /// `drift`: where the fleet disagrees with what the clusters report (`--observed`), each change an error.
    public init(plan: Plan, committed: CommittedPlan? = nil, drift: [FleetDrift.Change] = [], observedFolder: String = "") {
        // The plan already names every day inside the horizon a subject would be out of support with no step that
        // fixes it (support-gap-*), and every step late against support or an advisory (step-late).
        var problems = plan.findings
        if let committed, !committed.isCurrent {
            problems.append(Finding(.error, code: "plan-stale", subject: "plan/\(committed.path)",
                                    message: "\(committed.path) is not the plan of these inputs; write it again with `\(committed.command)` and commit it.",
                                    position: SourcePosition(path: committed.path, line: 1, column: 1)))
        }
        for change in drift {
            let update = "`upkeep inventory \(observedFolder) --fleet FLEET -o NEW-FLEET`"
            let advice: String
            switch change.kind {
            case .changed: advice = "the inventory is stale: update it with \(update) and review the change"
            case .observedOnly: advice = "add the cluster or pool to the fleet, or leave its export out of \(observedFolder)"
            case .fleetOnly: advice = "remove it from the fleet if it is gone, or add its export to \(observedFolder)"
            }
            problems.append(Finding(.error, code: "inventory-drift", subject: "\(change.isManagement ? "management-cluster" : "cluster")/\(change.cluster)", message: "\(change.line): \(advice).",
                                    position: change.fleetPosition ?? change.observedPosition))
        }
        support = Self.supportSentence(plan)
        self.problems = FindingCatalog.urgentFirst(problems, asOf: plan.asOf)
    }

    /// `On 2026-12-07: 4 of 4 management clusters and 8 of 8 clusters are out of support (6 through their management
    /// cluster); 0 are unknown.`
    static func supportSentence(_ plan: Plan) -> String {
        let managements = plan.managementClusters.compactMap(\.support)
        let clusters = plan.clusters.compactMap(\.support)
        let outManagements = managements.count { $0.isOutOfSupport }
        let outClusters = clusters.count { $0.isOutOfSupport }
        let through = clusters.count { $0.through != nil }
        let unknown = managements.count { $0.state == .unknown } + clusters.count { $0.state == .unknown }
        return "On \(plan.asOf): \(outManagements) of \(Plural.count(managements.count, "management cluster")) and \(outClusters) of "
            + "\(Plural.count(clusters.count, "cluster")) out of support" + (through > 0 ? " (\(through) through their management cluster)" : "")
            + "; \(unknown) whose support the feeds cannot tell."
    }
}
