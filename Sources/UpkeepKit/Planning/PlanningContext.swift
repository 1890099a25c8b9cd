/// Everything the planner looks things up in: the support engine's indexes, the policy, the days that
/// bound the plan, the window occurrences and the versions each release offers. Immutable: every table is
/// filled when the context is made, and the target stage's result makes a new context (`withTargets`), so
/// the stages read it from any thread and the compiler checks that they may.
final class PlanningContext: Sendable {
    let engine: SupportEngine
    let policy: UpgradePolicy
    let asOf: CalendarDate
    let horizonEnd: CalendarDate
    /// Occurrences are searched up to a year after the horizon (planning.md 5).
    let searchEnd: CalendarDate
    let clusters: [WorkloadCluster]
    let clusterIndex: [String: Int]
    let ringIndex: [String: Int]
    let windows: [String: MaintenanceWindow]
    /// Positions in `clusters` of each management cluster's workload clusters.
    let clustersByManagement: [String: [Int]]
    let freezes: [Freeze]
    /// Every occurrence of each window from the day before `asOf` to `searchEnd`, and the longest one.
    private let occurrenceTable: [String: (list: [WindowOccurrence], longest: Int)]
    private struct OfferKey: Hashable, Sendable {
        var release: PlatformVersion
        var preview: Bool
        var systems: [OperatingSystem]
    }
    /// What each release offers, for every combination of preview and operating systems a cluster can have.
    private let offerTable: [OfferKey: [KubernetesVersion]]
    /// What a standalone cluster is offered on the horizon's last day.
    let offeredUpstreamAtHorizonEnd: [KubernetesVersion]
    /// Each cluster's target (by position in `clusters`): empty until the target stage's result is given
    /// (`withTargets`).
    let targets: [ClusterTarget]

    init(inputs: InputSet, asOf: CalendarDate, horizon: Horizon) {
        engine = SupportEngine(inputs: inputs, publishedBy: asOf)
        policy = inputs.policy
        self.asOf = asOf
        horizonEnd = horizon.end(from: asOf)
        searchEnd = horizonEnd.adding(days: 366)
        clusters = inputs.clusters.sorted { UTF8Order.precedes($0.name, $1.name) }
        var index: [String: Int] = [:]
        for (position, cluster) in clusters.enumerated() where index[cluster.name] == nil { index[cluster.name] = position }
        clusterIndex = index
        var byManagement: [String: [Int]] = [:]
        for (position, cluster) in clusters.enumerated() {
            if let name = cluster.managementCluster?.name { byManagement[name, default: []].append(position) }
        }
        clustersByManagement = byManagement
        var rings: [String: Int] = [:]
        for (position, ring) in inputs.policy.rings.enumerated() where rings[ring.name] == nil { rings[ring.name] = position }
        ringIndex = rings
        var windows: [String: MaintenanceWindow] = [:]
        for window in inputs.windows where windows[window.name] == nil { windows[window.name] = window }
        self.windows = windows
        freezes = inputs.freezes
        var occurrences: [String: (list: [WindowOccurrence], longest: Int)] = [:]
        for (name, window) in windows {
            let list = WindowCalendar(window)?.occurrences(from: asOf.adding(days: -1), to: searchEnd) ?? []
            occurrences[name] = (list, list.map(\.durationMinutes).max() ?? 0)
        }
        occurrenceTable = occurrences
        var offers: [OfferKey: [KubernetesVersion]] = [:]
        let systemSets: [[OperatingSystem]] = [[]] + OperatingSystem.allCases.map { [$0] } + [OperatingSystem.allCases]
        for feed in inputs.platformFeeds {
            for release in feed.releases {
                for preview in [false, true] {
                    for systems in systemSets {
                        offers[OfferKey(release: release.version, preview: preview, systems: systems)] =
                            AvailabilityRule.offeredVersions(release: release, allowPreview: preview, operatingSystems: Set(systems))
                    }
                }
            }
        }
        offerTable = offers
        offeredUpstreamAtHorizonEnd = AvailabilityRule.offeredVersions(upstream: engine.upstream, on: horizonEnd)
        targets = []
    }

    private init(_ context: PlanningContext, targets: [ClusterTarget]) {
        engine = context.engine
        policy = context.policy
        asOf = context.asOf
        horizonEnd = context.horizonEnd
        searchEnd = context.searchEnd
        clusters = context.clusters
        clusterIndex = context.clusterIndex
        ringIndex = context.ringIndex
        windows = context.windows
        clustersByManagement = context.clustersByManagement
        freezes = context.freezes
        occurrenceTable = context.occurrenceTable
        offerTable = context.offerTable
        offeredUpstreamAtHorizonEnd = context.offeredUpstreamAtHorizonEnd
        self.targets = targets
    }

    /// This context with every cluster's target (the target stage's result): the stages after it read this one.
    func withTargets(_ targets: [ClusterTarget]) -> PlanningContext {
        PlanningContext(self, targets: targets)
    }

    /// The target of a cluster of this context.
    func target(of cluster: WorkloadCluster) -> ClusterTarget {
        if let position = clusterIndex[cluster.name], position < targets.count { return targets[position] }
        return ClusterTarget.choose(for: cluster, context: self)
    }

    func ring(of cluster: WorkloadCluster) -> Int {
        cluster.ring.flatMap { ringIndex[$0.name] } ?? policy.rings.count
    }

    func ringPolicy(of cluster: WorkloadCluster) -> Ring? {
        cluster.ring.flatMap { name in policy.rings.first { $0.name == name.name } }
    }

    func management(of cluster: WorkloadCluster) -> ManagementCluster? {
        cluster.managementCluster.flatMap { engine.managementClusters[$0.name] }
    }

    func timeline(of management: ManagementCluster) -> PlatformTimeline? {
        engine.timelines[management.platform.name]
    }

    /// Every occurrence of a window from the day before `asOf` to a year after the horizon.
    func occurrences(of windowName: String) -> [WindowOccurrence] {
        occurrenceTable[windowName]?.list ?? []
    }

    /// The longest occurrence of a window, in minutes (a step longer than this is unschedulable).
    func longestOccurrence(of windowName: String) -> Int {
        occurrenceTable[windowName]?.longest ?? 0
    }

    // MARK: Stopped clusters (planning.md 2)

    /// True when the cluster has been stopped so long that it can no longer be updated: no steps.
    func cannotBeUpdated(_ cluster: WorkloadCluster) -> Bool {
        StoppedClusterRule.lastUpdateDeadline(cluster.state, rules: policy.stoppedClusters).map { asOf >= $0 } ?? false
    }

    /// Why the steps of a stopped (but still updatable) cluster are blocked; nil for a running one.
    func stoppedBlockReason(_ cluster: WorkloadCluster) -> String? {
        guard case .stopped(let since) = cluster.state,
              let deadline = StoppedClusterRule.lastUpdateDeadline(cluster.state, rules: policy.stoppedClusters) else { return nil }
        return "cluster \(cluster.name) is stopped since \(since); start it before \(deadline) so that it can be updated"
    }

    // MARK: Durations (planning.md 5)

    func roll(_ pool: NodePool) -> Int {
        ((pool.nodes + pool.maxSurge - 1) / pool.maxSurge) * policy.durations.perNode.minutes
    }

    // MARK: Versions

    /// Minors the release lists, sorted.
    func minors(of release: PlatformRelease) -> [KubernetesMinor] {
        Array(Set(release.kubernetesVersions.map(\.minorVersion))).sorted()
    }

    /// The versions a managed cluster may take under a release.
    func offered(_ release: PlatformRelease, to cluster: WorkloadCluster) -> [KubernetesVersion] {
        let preview = ringPolicy(of: cluster)?.allowPreview ?? false
        let systems = OperatingSystem.allCases.filter { system in cluster.nodePools.contains { $0.os == system } }
        if let known = offerTable[OfferKey(release: release.version, preview: preview, systems: systems)] { return known }
        return AvailabilityRule.offeredVersions(release: release, allowPreview: preview, operatingSystems: Set(systems))
    }

    /// The patches of `minor` newer than `above` that `release` offers a managed cluster and that are still
    /// supported on `day` (planning.md 3: a target version must be supported on the day its step runs).
    func supportedPatches(of minor: KubernetesMinor, above: KubernetesVersion, in release: PlatformRelease,
                          to cluster: WorkloadCluster, on day: CalendarDate) -> [KubernetesVersion] {
        guard let timeline = management(of: cluster).flatMap(timeline(of:)) else { return [] }
        return offered(release, to: cluster).filter { version in
            version.minorVersion == minor && above < version && PlatformPatchSupportRule.end(of: version, on: timeline).isSupported(on: day)
        }
    }

    /// The versions a standalone cluster may take on a day.
    func offeredUpstream(on date: CalendarDate) -> [KubernetesVersion] {
        date == horizonEnd ? offeredUpstreamAtHorizonEnd : AvailabilityRule.offeredVersions(upstream: engine.upstream, on: date)
    }

    /// The first day an upstream minor has a released patch.
    func upstreamAvailability(of minor: KubernetesMinor) -> CalendarDate? {
        engine.upstream.minor(minor)?.patches.compactMap(\.released).min()
    }

    /// The newest image of a family available on a day that carries the kubelet `version` (or any).
    func newestImage(family: String, for version: KubernetesVersion?, on date: CalendarDate) -> NodeImage? {
        engine.images.images(of: family).filter { image in
            image.released <= date && (version == nil || image.kubernetesVersions.isEmpty || image.kubernetesVersions.contains { $0 == version })
        }.last
    }
}
