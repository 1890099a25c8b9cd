/// One step of the plan: what moves, from what to what, when, why, and what it waits for.
///
/// An immutable class: a plan holds tens of thousands of steps, and every pass over them (counts,
/// summaries, rendering) would otherwise copy each one field by field.
public final class PlanStep: Sendable {
    public enum Kind: String, Sendable {
        case platformUpdate = "platform-update"
        case certificateRotation = "certificate-rotation"
        case kubernetesUpgrade = "kubernetes-upgrade"
        case nodePoolUpgrade = "node-pool-upgrade"
        case nodeImageUpdate = "node-image-update"
    }

    public enum Status: String, Sendable {
        case scheduled, late, blocked, unschedulable
    }

    /// A node image a Kubernetes step brings to a pool.
    public struct ImageChange: Sendable, Equatable {
        public var nodePool: String
        public var from: String
        public var to: String
    }

    /// Stable: `payments-prod/kubernetes/1.27.9`, `payments-prod/pool/win/image/20348.2582.240710`,
    /// `mgmt-east/platform/1.0.24.10106`, `mgmt-east/certificates/2024-09-14`.
    public let id: String
    public let kind: Kind
    public let cluster: String?
    public let managementCluster: String?
    public let nodePool: String?
    public let from: String
    public let to: String
    public let occurrence: WindowOccurrence?
    public let start: Instant?
    public let end: Instant?
    public let estimatedMinutes: Int
    public let due: CalendarDate?
    public let dueReason: String?
    public let status: Status
    public let after: [String]
    public let reasons: [String]
    public let fixes: [String]
    public let knownIssues: [String]
    public let nodeImages: [ImageChange]
    /// Its place in the plan, from 1.
    public let order: Int

    init(id: String, kind: Kind, cluster: String?, managementCluster: String?, nodePool: String?, from: String, to: String,
         occurrence: WindowOccurrence?, start: Instant?, end: Instant?, estimatedMinutes: Int, due: CalendarDate?,
         dueReason: String?, status: Status, after: [String], reasons: [String], fixes: [String], knownIssues: [String],
         nodeImages: [ImageChange], order: Int) {
        self.id = id; self.kind = kind; self.cluster = cluster; self.managementCluster = managementCluster
        self.nodePool = nodePool; self.from = from; self.to = to; self.occurrence = occurrence; self.start = start
        self.end = end; self.estimatedMinutes = estimatedMinutes; self.due = due; self.dueReason = dueReason
        self.status = status; self.after = after; self.reasons = reasons; self.fixes = fixes
        self.knownIssues = knownIssues; self.nodeImages = nodeImages; self.order = order
    }

    /// The finding subject of the step: its cluster, or its management cluster.
    public var subject: String {
        if let cluster { return "cluster/\(cluster)" }
        return "management-cluster/\(managementCluster ?? "")"
    }
}

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
