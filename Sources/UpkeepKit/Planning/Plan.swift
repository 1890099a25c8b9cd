/// The whole plan, the single source every plan output is rendered from.
public struct Plan: Sendable {
    public struct InputFile: Sendable, Equatable {
        public var path: String
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    public struct ClusterSummary: Sendable {
        public var name: String
        public var current: String
        public var target: String
        public var supportedUntil: CalendarDate?
        /// Why the cluster is supported until then: the reason that sets `supportedUntil` first, the
        /// others from the earliest end on.
        public var supportReasons: [String]
        public var nodePools: [(name: String, current: String, target: String, image: String, targetImage: String)]
        /// Its control plane's support where the plan's steps leave it (planning.md, "Support through the horizon"), and why.
        public var supportedUntilAfterPlan: CalendarDate? = nil
        public var supportReasonsAfterPlan: [String] = []
        /// The one verdict on `asOf`, its management cluster's included (the status's; nil in a plan read back).
        public var support: SupportAnswer? = nil
    }

    /// A management cluster's row: its release now and where the plan's steps leave it, and its support before
    /// and after them (reasons in the status order).
    public struct ManagementSummary: Sendable {
        public var name: String
        public var platform: String
        public var current: String
        public var target: String
        public var supportedUntil: CalendarDate?
        public var supportReasons: [String]
        public var supportedUntilAfterPlan: CalendarDate?
        public var supportReasonsAfterPlan: [String]
        /// The one verdict on `asOf` (the status's).
        public var support: SupportAnswer? = nil
    }

    public var asOf: CalendarDate
    public var horizonEnd: CalendarDate
    public var inputs: [InputFile]
    public var steps: [PlanStep]
    public var findings: [Finding]
    public var clusters: [ClusterSummary]
    /// One row per management cluster, by name.
    public var managementClusters: [ManagementSummary] = []
    /// When this is a view of the whole plan (`--cluster`, `--until`), what it keeps.
    public var view: PlanView? = nil
    /// Every step's id by its position in the schedule (what the steps' placement constraints name), and
    /// the policy's rings (what soak constraints name).
    var scheduleIDs: [String] = []
    /// Every step's placement constraints (each step knows its range).
    var placements: [PlacementConstraint] = []
    var rings: [Ring] = []
    var freezes: [Freeze] = []

    /// The constraints that decided a step's start, in words (`upkeep explain`). A `max-parallel`
    /// constraint names the other clusters' steps that filled its occurrence.
    public func constraints(of step: PlanStep) -> [PlanStep.Constraint] {
        guard step.placement.upperBound <= placements.count else { return [] }
        return placements[step.placement].map { words($0, for: step, namingFillers: true) }
    }

    /// The constraint that decided a step's start (the binding one), in words; nil when none did. It does not
    /// name the steps that filled a full occurrence (tickets and the report ask for it tens of thousands of times).
    public func bindingConstraint(of step: PlanStep) -> PlanStep.Constraint? {
        guard step.placement.upperBound <= placements.count,
              let constraint = placements[step.placement].first(where: \.binding) else { return nil }
        return words(constraint, for: step, namingFillers: false)
    }

    private func words(_ constraint: PlacementConstraint, for step: PlanStep, namingFillers: Bool) -> PlanStep.Constraint {
        var named = constraint.step.flatMap { $0 < scheduleIDs.count ? scheduleIDs[$0] : nil }.map { [$0] } ?? []
        if namingFillers, case .clusterLimit(_, let start, _) = constraint.detail {
            // The other clusters' steps in the full occurrence of the same window.
            named = steps.filter { other in
                other.occurrence?.window == step.occurrence?.window && other.occurrence?.start == start && other.subject != step.subject
            }.map(\.id)
        }
        return PlanStep.Constraint(kind: constraint.kind.rawValue, notBefore: constraint.notBefore, steps: named,
                                   detail: constraint.describe(for: step, rings: rings, freezes: freezes), binding: constraint.binding)
    }

    public var lateCount: Int { steps.count { $0.status == .late } }
    public var blockedCount: Int { steps.count { $0.status == .blocked } }
    public var unschedulableCount: Int { steps.count { $0.status == .unschedulable } }
    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// Exit code 3 of `upkeep plan`: a late or unschedulable step, or an error finding.
    public var needsAttention: Bool { lateCount > 0 || unschedulableCount > 0 || errorCount > 0 }
}
