/// What the planner decided for one management cluster: the release it runs, whether and to which
/// release it updates (one step per release with `updatesTo: next`), and why.
struct PlatformDecision {
    let management: ManagementCluster
    let timeline: PlatformTimeline
    let current: PlatformRelease?
    /// The releases to go through, oldest first; empty when no update is planned.
    var chain: [PlatformRelease] = []
    var due: CalendarDate?
    var dueReason: String?
    var reasons: [String] = []
    /// Where in the inputs each reason comes from, by position in `reasons`.
    var reasonSources: [SourcePosition?] = []
    /// Set when a workload cluster has no path into the target release: the update cannot run.
    var blockedReason: String?

    var target: PlatformRelease? { chain.last }
    var updatePlanned: Bool { !chain.isEmpty }

    mutating func addDue(_ date: CalendarDate?, _ reason: String, from position: SourcePosition?) {
        guard let date else { return }
        if due == nil || date < (due ?? date) {
            due = date
            dueReason = reason
        }
        addReason(reason, from: position)
    }

    mutating func addReason(_ reason: String, from position: SourcePosition?) {
        guard !reasons.contains(reason) else { return }
        reasons.append(reason)
        reasonSources.append(position)
    }

    /// Minors a release lists.
    static func minors(_ release: PlatformRelease?) -> Set<KubernetesMinor> {
        Set(release?.kubernetesVersions.map(\.minorVersion) ?? [])
    }
}
