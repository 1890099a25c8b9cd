/// One step of the plan: what moves, from what to what, when, why, and what it waits for.
public struct PlanStep: Sendable {
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
    public var id: String
    public var kind: Kind
    public var cluster: String?
    public var managementCluster: String?
    public var nodePool: String?
    public var from: String
    public var to: String
    public var occurrence: WindowOccurrence?
    public var start: Instant?
    public var end: Instant?
    public var estimatedMinutes: Int
    public var due: CalendarDate?
    public var dueReason: String?
    public var status: Status
    public var after: [String]
    public var reasons: [String]
    public var fixes: [String]
    public var knownIssues: [String]
    public var nodeImages: [ImageChange]
    public var order: Int

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
