/// Planning.md 3, "Targets and paths": the minor a workload cluster moves to, chosen by the policy's
/// `target` among the minors offered by the horizon's last day; never below what it runs.
struct ClusterTarget: Sendable {
    var minor: KubernetesMinor
    /// The minors counted, oldest first.
    var candidates: [KubernetesMinor]
    var reason: String

    /// The minors counted for the target: the newest release available by the horizon's last day
    /// (standalone: upstream minors released by then), and the target among them.
    static func choose(for cluster: WorkloadCluster, context: PlanningContext) -> ClusterTarget {
        let current = cluster.kubernetesVersion.minorVersion
        let horizonEnd = context.horizonEnd
        var candidates: [KubernetesMinor] = []
        var supportedAtHorizon: (KubernetesMinor) -> Bool
        if let management = context.management(of: cluster), let timeline = context.timeline(of: management) {
            if let release = timeline.newestAvailable(on: horizonEnd) { candidates = timeline.supportedMinors(of: release).sorted() }
            supportedAtHorizon = { PlatformMinorSupportRule.evaluate($0, on: timeline).isSupported(on: horizonEnd) }
        } else {
            candidates = context.engine.upstream.minors.filter { ($0.released ?? horizonEnd) <= horizonEnd && !$0.patches.isEmpty }.map(\.minor)
            supportedAtHorizon = { minor in context.engine.upstream.minor(minor)?.endOfLife.map { horizonEnd < $0 } ?? true }
        }
        guard let newest = candidates.last else { return ClusterTarget(minor: current, candidates: [], reason: "no release data offers a target") }
        var target: KubernetesMinor
        var reason: String
        switch context.policy.target {
        case .minimum:
            target = candidates.first(where: supportedAtHorizon) ?? newest
            reason = "target policy minimum: \(target) is the lowest minor still supported on \(horizonEnd)"
        case .nMinusOne:
            target = candidates.count >= 2 ? candidates[candidates.count - 2] : newest
            reason = "target policy n-1: \(target) is the second newest minor offered"
        case .latest:
            target = newest
            reason = "target policy latest: \(target) is the newest minor offered"
        }
        if target < current {
            target = current
            reason = "never downgrade: the cluster stays on \(current)"
        }
        return ClusterTarget(minor: target, candidates: candidates, reason: reason)
    }
}
