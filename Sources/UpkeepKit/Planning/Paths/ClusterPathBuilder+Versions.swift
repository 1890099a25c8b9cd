/// Where each hop of a cluster's path takes its version from (planning.md 3, "Which patch a hop takes"):
/// the release that offers it, the day it is available, and the version it is expected to reach.
extension ClusterPathBuilder {
    func minorVerdict(_ minor: KubernetesMinor) -> SupportVerdict {
        if let management = context.management(of: cluster), let timeline = context.timeline(of: management) {
            return PlatformMinorSupportRule.evaluate(minor, on: timeline)
        }
        return StandaloneKubernetesSupportRule.evaluate(KubernetesVersion(major: minor.major, minor: minor.minor, patch: 0), upstream: context.engine.upstream)
    }

    func kubernetesVerdicts(_ version: KubernetesVersion) -> [SupportVerdict] {
        context.engine.kubernetesSupport(version, of: cluster)
    }

    /// The day a minor can first be reached: now for the current release, the target release's day after
    /// a platform update, an upstream minor's first patch for a standalone cluster; nil when never.
    func availability(of minor: KubernetesMinor) -> CalendarDate? {
        if managed {
            guard let decision else { return nil }
            if PlatformDecision.minors(decision.current).contains(minor) { return context.asOf }
            return decision.chain.first { PlatformDecision.minors($0).contains(minor) }?.released
        }
        return context.upstreamAvailability(of: minor).flatMap { $0 <= context.searchEnd ? $0 : nil }
    }

    /// Where a hop takes its version from: the release (nil for a standalone cluster) and the first day
    /// the hop may run.
    struct HopSource {
        var release: PlatformRelease?
        var available: CalendarDate
    }

    /// A non-bridging hop to `minor` that could run from `day` on: the current release when it offers a
    /// patch of the minor still supported on that day; otherwise the first release of the planned update
    /// that offers one supported on the day it comes out (planning.md 3: a target version must be supported
    /// on the day its step runs, and "Platform first"). Nil when neither does.
    func hopSource(of minor: KubernetesMinor, from day: CalendarDate) -> HopSource? {
        guard managed else { return availability(of: minor).map { HopSource(release: nil, available: $0) } }
        guard let decision else { return nil }
        if let current = decision.current, offersSupportedPatch(current, of: minor, on: day) {
            return HopSource(release: current, available: context.asOf)
        }
        for release in decision.chain where offersSupportedPatch(release, of: minor, on: max(day, release.released)) {
            return HopSource(release: release, available: max(day, release.released))
        }
        return nil
    }

    /// A bridging hop takes what the current release lists, supported or not (with a warning when it runs).
    func bridgeSource(of minor: KubernetesMinor) -> HopSource? {
        guard let decision, PlatformDecision.minors(decision.current).contains(minor) else { return nil }
        return HopSource(release: decision.current, available: context.asOf)
    }

    /// Whether `release` offers this cluster a newer patch of `minor` that is supported on `day`.
    func offersSupportedPatch(_ release: PlatformRelease, of minor: KubernetesMinor, on day: CalendarDate) -> Bool {
        !context.supportedPatches(of: minor, above: cluster.kubernetesVersion, in: release, to: cluster, on: day).isEmpty
    }

    /// The version a hop to `minor` is expected to reach (the scheduler settles it on the day it runs).
    func nominalVersion(_ minor: KubernetesMinor, from source: PlatformRelease? = nil) -> KubernetesVersion? {
        if managed, let decision {
            let release = source ?? (PlatformDecision.minors(decision.current).contains(minor) ? decision.current : decision.chain.first { PlatformDecision.minors($0).contains(minor) })
            return release.flatMap { context.offered($0, to: cluster).filter { $0.minorVersion == minor }.last }
        }
        return context.offeredUpstream(on: context.horizonEnd).filter { $0.minorVersion == minor }.last
            ?? context.engine.upstream.minor(minor)?.patches.last?.version
    }

    /// The input position a support verdict comes from: the release that dropped the patch or the minor
    /// (or announced its end); otherwise the cluster's fleet entry.
    func source(of verdict: SupportVerdict, version: KubernetesVersion? = nil, minor: KubernetesMinor? = nil) -> SourcePosition? {
        guard let timeline = context.management(of: cluster).flatMap(context.timeline(of:)) else { return cluster.position }
        let minor = minor ?? version?.minorVersion
        switch verdict.rule {
        case .kubernetesPatch:
            return version.flatMap { timeline.firstReleaseDropping($0)?.position } ?? cluster.position
        case .kubernetesMinor:
            guard let minor else { return cluster.position }
            return timeline.announcedEnd(of: minor)?.release.position ?? timeline.firstReleaseDropping(minor)?.position ?? cluster.position
        default:
            return cluster.position
        }
    }
}
