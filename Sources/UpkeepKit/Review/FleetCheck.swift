/// `upkeep check`: the gate a fleet repository's CI runs. It fails (exit 3) when the plan has an error
/// finding — among them every day inside the horizon that leaves a management cluster, workload cluster or node
/// pool out of support with no step that fixes it (`support-gap-*`, planning.md, "Support through the horizon") and every late step — or when
/// the committed plan file is not the plan of the inputs.
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

    public init(plan: Plan, committed: CommittedPlan? = nil) {
        // The plan already names every day inside the horizon a subject would be out of support with no step that
        // fixes it (support-gap-*), and every step late against support or an advisory (step-late).
        var problems = plan.findings
        if let committed, !committed.isCurrent {
            problems.append(Finding(.error, code: "plan-stale", subject: "plan/\(committed.path)",
                                    message: "\(committed.path) is not the plan of these inputs; write it again with `\(committed.command)` and commit it.",
                                    position: SourcePosition(path: committed.path, line: 1, column: 1)))
        }
        self.problems = problems.sorted()
    }
}
