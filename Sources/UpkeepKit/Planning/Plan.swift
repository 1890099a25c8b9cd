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
    }

    public var asOf: CalendarDate
    public var horizonEnd: CalendarDate
    public var inputs: [InputFile]
    public var steps: [PlanStep]
    public var findings: [Finding]
    public var clusters: [ClusterSummary]

    public var lateCount: Int { steps.count { $0.status == .late } }
    public var blockedCount: Int { steps.count { $0.status == .blocked } }
    public var unschedulableCount: Int { steps.count { $0.status == .unschedulable } }
    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// Exit code 3 of `upkeep plan`: a late or unschedulable step, or an error finding.
    public var needsAttention: Bool { lateCount > 0 || unschedulableCount > 0 || errorCount > 0 }
}
