import Foundation

/// Everything the planner looks things up in: the support engine's indexes, the policy, the days that
/// bound the plan, and the window occurrences (computed once per window).
final class PlanningContext {
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
    /// Guards the caches below: the paths and the node image updates are worked out on every core.
    private let cacheLock = NSLock()
    private var occurrenceCache: [String: [WindowOccurrence]] = [:]
    private var longestCache: [String: Int] = [:]
    private var targetCache: [String: (minor: KubernetesMinor, candidates: [KubernetesMinor], reason: String)] = [:]
    private struct OfferKey: Hashable {
        var release: PlatformVersion
        var preview: Bool
        var systems: [OperatingSystem]
    }
    private var offerCache: [OfferKey: [KubernetesVersion]] = [:]
    private var upstreamOfferCache: [CalendarDate: [KubernetesVersion]] = [:]

    init(inputs: InputSet, asOf: CalendarDate, horizon: TimeSpan) {
        engine = SupportEngine(inputs: inputs)
        policy = inputs.policy
        self.asOf = asOf
        horizonEnd = asOf.adding(days: horizon.days)
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
        if let cached = cacheLock.withLock({ occurrenceCache[windowName] }) { return cached }
        guard let window = windows[windowName], let calendar = WindowCalendar(window) else { return [] }
        let list = calendar.occurrences(from: asOf.adding(days: -1), to: searchEnd)
        cacheLock.withLock { occurrenceCache[windowName] = list }
        return list
    }

    /// The longest occurrence of a window, in minutes (a step longer than this is unschedulable).
    func longestOccurrence(of windowName: String) -> Int {
        if let known = cacheLock.withLock({ longestCache[windowName] }) { return known }
        let longest = occurrences(of: windowName).map(\.durationMinutes).max() ?? 0
        cacheLock.withLock { longestCache[windowName] = longest }
        return longest
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

    /// The target of each cluster, computed once (the platform decisions and the paths both need it).
    func target(of cluster: WorkloadCluster) -> (minor: KubernetesMinor, candidates: [KubernetesMinor], reason: String) {
        if let known = cacheLock.withLock({ targetCache[cluster.name] }) { return known }
        let target = ClusterPathBuilder.target(of: cluster, context: self)
        cacheLock.withLock { targetCache[cluster.name] = target }
        return target
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
        // The key without building a set (this is asked for every cluster, often several times).
        let systems = OperatingSystem.allCases.filter { system in cluster.nodePools.contains { $0.os == system } }
        let key = OfferKey(release: release.version, preview: preview, systems: systems)
        if let known = cacheLock.withLock({ offerCache[key] }) { return known }
        let offered = AvailabilityRule.offeredVersions(release: release, allowPreview: preview, operatingSystems: Set(systems))
        cacheLock.withLock { offerCache[key] = offered }
        return offered
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
        if let known = cacheLock.withLock({ upstreamOfferCache[date] }) { return known }
        let offered = AvailabilityRule.offeredVersions(upstream: engine.upstream, on: date)
        cacheLock.withLock { upstreamOfferCache[date] = offered }
        return offered
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
