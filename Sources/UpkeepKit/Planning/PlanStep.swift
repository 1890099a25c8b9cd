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
    /// Where in the inputs each reason comes from (nil where no single place does), by position in `reasons`.
    public let reasonSources: [SourcePosition?]
    public let fixes: [String]
    public let knownIssues: [String]
    public let nodeImages: [ImageChange]
    /// Its place in the plan, from 1.
    public let order: Int
    /// What decided its start, recorded while it was placed (`upkeep explain`; not in the plan file): its
    /// range in the plan's store, made into words by `Plan.constraints(of:)` for the step being explained.
    let placement: Range<Int>

    /// One thing that kept the step from starting earlier.
    public struct Constraint: Sendable, Equatable {
        /// `as-of`, `release-available`, `after`, `platform-update`, `soak`, `freeze`, `occurrence-full`,
        /// `max-parallel`, `window`.
        public var kind: String
        /// The earliest start it allowed.
        public var notBefore: Instant
        /// The ids of the steps it names.
        public var steps: [String]
        public var detail: String
        /// The one that decided the start.
        public var binding: Bool
    }

    init(id: String, kind: Kind, cluster: String?, managementCluster: String?, nodePool: String?, from: String, to: String,
         occurrence: WindowOccurrence?, start: Instant?, end: Instant?, estimatedMinutes: Int, due: CalendarDate?,
         dueReason: String?, status: Status, after: [String], reasons: [String], fixes: [String], knownIssues: [String],
         nodeImages: [ImageChange], order: Int, placement: Range<Int> = 0..<0, reasonSources: [SourcePosition?] = []) {
        self.id = id; self.kind = kind; self.cluster = cluster; self.managementCluster = managementCluster
        self.nodePool = nodePool; self.from = from; self.to = to; self.occurrence = occurrence; self.start = start
        self.end = end; self.estimatedMinutes = estimatedMinutes; self.due = due; self.dueReason = dueReason
        self.status = status; self.after = after; self.reasons = reasons; self.fixes = fixes
        self.knownIssues = knownIssues; self.nodeImages = nodeImages; self.order = order; self.placement = placement
        self.reasonSources = reasonSources
    }

    /// The finding subject of the step: its cluster, or its management cluster.
    public var subject: String {
        if let cluster { return "cluster/\(cluster)" }
        return "management-cluster/\(managementCluster ?? "")"
    }
}
