/// Planning.md 2, "Advisory exposure": which advisories a cluster and a pool are exposed to, and by when
/// each must be fixed.
public enum AdvisoryExposureRule {
    public struct Exposure: Sendable, Equatable {
        public var advisoryID: String
        public var severity: Severity
        /// `published` + the policy's deadline for the severity; nil when the publication day is unknown.
        public var due: CalendarDate?
        /// No range that holds the version has a fix.
        public var unfixed: Bool
    }

    /// A cluster is exposed when its control plane or any pool runs an affected version and, if the
    /// advisory names an OS, one of its pools runs it.
    public static func clusterExposures(_ cluster: WorkloadCluster, advisories: [SecurityAdvisory], policy: UpgradePolicy) -> [Exposure] {
        let versions = [cluster.kubernetesVersion] + cluster.nodePools.map(\.kubernetesVersion)
        let systems = Set(cluster.nodePools.map(\.os))
        var result: [Exposure] = []
        for advisory in advisories {
            if let os = advisory.os, !systems.contains(os) { continue }
            let ranges = advisory.kubernetesRanges.filter { range in versions.contains { range.contains($0) } }
            guard !ranges.isEmpty else { continue }
            let unfixed = ranges.allSatisfy { $0.end == .unfixed }
            result.append(Exposure(advisoryID: advisory.id, severity: advisory.severity,
                                   due: due(advisory, policy: policy), unfixed: unfixed))
        }
        return result
    }

    /// A pool is exposed when its image is of a family the advisory fixes and older than the fix.
    public static func poolExposures(_ pool: NodePool, advisories: [SecurityAdvisory], policy: UpgradePolicy) -> [Exposure] {
        advisories.compactMap { advisory in
            guard advisory.nodeImageFixes.contains(where: { $0.family == pool.imageFamily.name && pool.nodeImage < $0.fixed }) else { return nil }
            return Exposure(advisoryID: advisory.id, severity: advisory.severity, due: due(advisory, policy: policy), unfixed: false)
        }
    }

    public static func due(_ advisory: SecurityAdvisory, policy: UpgradePolicy) -> CalendarDate? {
        advisory.published.map { $0.adding(days: policy.advisoryDeadline(for: advisory.severity).days) }
    }
}
