/// A security advisory, from our `SecurityAdvisory` form or an OSV record for `k8s.io/kubernetes`.
public struct SecurityAdvisory: Sendable {
    /// The CVE id when one is known, else the record's own id.
    public var id: String
    public var aliases: [String]
    /// nil when unknown (the Go database's 0001-01-01 placeholder): no deadline.
    public var published: CalendarDate?
    public var severity: Severity
    /// True when no record gave a severity or CVSS vector and `medium` was assumed.
    public var severityIsAssumed: Bool
    public var cvss: String?
    public var summary: String
    /// Only clusters with a pool of this OS are exposed; nil: every cluster.
    public var os: OperatingSystem?
    public var kubernetesRanges: [AffectedRange]
    public var nodeImageFixes: [NodeImageFix]
    public var position: SourcePosition
}

/// OSV range semantics: affected from `introduced` (nil: from the beginning, OSV's "0") until `fixed`
/// (exclusive) or through `lastAffected` (inclusive); with neither, every later version is affected.
public struct AffectedRange: Sendable, Equatable {
    public enum End: Sendable, Equatable {
        case fixed(KubernetesVersion)
        case lastAffected(KubernetesVersion)
        case unfixed
    }

    public var introduced: KubernetesVersion?
    public var end: End

    public init(introduced: KubernetesVersion?, end: End) {
        self.introduced = introduced
        self.end = end
    }

    public func contains(_ version: KubernetesVersion) -> Bool {
        if let introduced, version < introduced { return false }
        switch end {
        case .fixed(let fixed): return version < fixed
        case .lastAffected(let last): return !(last < version)
        case .unfixed: return true
        }
    }
}

public struct NodeImageFix: Sendable {
    public var family: String
    public var fixed: NodeImageVersion
    public var position: SourcePosition
}
