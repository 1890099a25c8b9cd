/// Planning.md 3, "One minor per hop": the minors a cluster's control plane goes through, the bridges its
/// platform update needs, and where each hop takes its version from.
extension ClusterPathBuilder {
    static var maxHops: Int { 64 }

    struct HopPlan {
        var hops: [KubernetesMinor] = []
        /// Set when the first hop jumps back into support over skipped minors.
        var jumpReason: String?
        /// The newest minor that is a bridge (the platform update waits for it), if any.
        var bridgeUntil: KubernetesMinor?
        var sources: [KubernetesMinor: HopSource] = [:]
        /// Hops that pass through a minor with no supported patch offered (see `StepDraft.transit`).
        var transit: Set<KubernetesMinor> = []
        var findings: [Finding] = []
        var bridgeImpossible = false
    }

    /// Whether a cluster out of support may jump straight back into support over skipped minors: the policy
    /// allows it (`skipFromUnsupported`) and so does the platform (`rules.skipMinorsFromUnsupported`: AKS Arc's
    /// cluster-upgrade page does; AKS hybrid's Get-AksHciClusterUpdates offers only the next minor). A standalone
    /// cluster never does: kubeadm upgrades one minor at a time.
    var platformAllowsJump: Bool {
        guard policy.skipFromUnsupported, let management = context.management(of: cluster),
              let timeline = context.timeline(of: management) else { return false }
        return timeline.rules.skipMinorsFromUnsupported
    }

    /// The hops to `target`: with a jump when allowed and when it lands on a version supported on the day it
    /// runs (a jump onto a patch already out of support buys nothing and the platform refuses it), otherwise
    /// one minor at a time.
    func hopPlan(target: KubernetesMinor, candidates: [KubernetesMinor], minorSupport: SupportVerdict) -> HopPlan {
        let current = cluster.kubernetesVersion.minorVersion
        if platformAllowsJump, !minorSupport.isSupported(on: context.asOf),
           let oldest = candidates.first(where: { $0 > current && minorVerdict($0).isSupported(on: context.asOf) }),
           oldest.distance(from: current) > 1 {
            var plan = hopPlan(target: target, jumpTo: oldest)
            if plan.hops.first == oldest, let source = plan.sources[oldest], landsSupported(oldest, source: source, bridge: plan.bridgeUntil.map { oldest <= $0 } ?? false) {
                plan.jumpReason = "out of support (\(minorSupport.reason)): jumps straight to \(oldest), the oldest supported minor"
                let skipped = oldest.distance(from: current) - 1
                if skipped >= 2 {
                    plan.findings.append(Finding(.warning, code: "skips-minors", subject: "cluster/\(cluster.name)",
                                                 message: "cluster \(cluster.name) is out of support on \(current) and jumps straight to \(oldest), skipping \(skipped) minors; such upgrades may fail, and recreating the cluster is the safer path.",
                                                 position: cluster.position))
                }
                return plan
            }
        }
        return hopPlan(target: target, jumpTo: nil)
    }

    /// Whether the version a jump takes is supported on the first day it may run: a bridge takes the newest
    /// patch the current release lists, any other hop a patch already checked to be supported then.
    private func landsSupported(_ minor: KubernetesMinor, source: HopSource, bridge: Bool) -> Bool {
        guard bridge, let release = source.release else { return true }
        return offersSupportedPatch(release, of: minor, on: source.available)
    }

    private func hopPlan(target: KubernetesMinor, jumpTo jump: KubernetesMinor?) -> HopPlan {
        var plan = HopPlan()
        let subject = "cluster/\(cluster.name)"
        let currentMinor = cluster.kubernetesVersion.minorVersion
        var hops: [KubernetesMinor] = jump.map { [$0] } ?? []
        // A path is bounded: no fleet is 64 minors behind, and a version typed as 1.999999 must not fill memory.
        var next = hops.last ?? currentMinor
        while next < target && hops.count < Self.maxHops {
            next = KubernetesMinor(major: next.major, minor: next.minor + 1)
            hops.append(next)
        }

        // Bridges: the minors the cluster must reach, within what its current release offers, before the
        // platform update may run (Test-UpdateAksHci).
        if let decision, let targetRelease = decision.target {
            let targetMinors = PlatformDecision.minors(targetRelease)
            if !targetMinors.contains(currentMinor) {
                if let needed = targetMinors.filter({ $0 > currentMinor }).min() {
                    var step = hops.last ?? currentMinor
                    while step < needed && hops.count < Self.maxHops {
                        step = KubernetesMinor(major: step.major, minor: step.minor + 1)
                        if !hops.contains(step) { hops.append(step) }
                    }
                    let currentMinors = PlatformDecision.minors(decision.current)
                    let unreachable = hops.filter { $0 <= needed && !currentMinors.contains($0) }
                    if unreachable.isEmpty {
                        plan.bridgeUntil = needed
                    } else {
                        plan.bridgeImpossible = true
                        plan.findings.append(Finding(.error, code: "no-upgrade-path", subject: subject,
                                                     message: "cluster \(cluster.name) runs Kubernetes \(currentMinor), which \(decision.management.platform.name) release \(targetRelease.version) does not offer, and release \(decision.current?.version.description ?? "?") offers no way to \(needed); the update of \(decision.management.name) cannot run until the cluster is moved or redeployed.",
                                                     position: cluster.position))
                    }
                } else {
                    plan.bridgeImpossible = true
                    plan.findings.append(Finding(.error, code: "no-upgrade-path", subject: subject,
                                                 message: "cluster \(cluster.name) runs Kubernetes \(currentMinor), newer than every minor \(decision.management.platform.name) release \(targetRelease.version) offers; the update of \(decision.management.name) cannot run.",
                                                 position: cluster.position))
                }
            }
        }

        // Each hop needs a release (or upstream patch) that offers its minor within the search range: a
        // bridge takes what the current release lists; any other hop a patch supported on the day it could
        // run, which may mean waiting for the planned platform update (planning.md 3, "Platform first").
        var couldRunFrom = context.asOf
        let sorted = hops.sorted()
        for hop in sorted {
            let isBridge = plan.bridgeUntil.map { hop <= $0 } ?? false
            var source = isBridge ? bridgeSource(of: hop) : hopSource(of: hop, from: couldRunFrom)
            // A minor passed through on the way to a later one need not be supported: the cluster cannot skip it.
            // Standalone hops before the last are all passed through (kubeadm, one minor at a time).
            if !isBridge, hop != sorted.last, source == nil || !managed, let transit = transitSource(of: hop, from: couldRunFrom) {
                source = transit
                plan.transit.insert(hop)
            }
            guard let source else {
                plan.findings.append(Finding(.warning, code: "no-release-offers-target", subject: subject,
                                             message: "no release available for cluster \(cluster.name) offers a Kubernetes \(hop) patch that is supported when the hop could run, within the horizon; its upgrade stops at \(plan.hops.last ?? currentMinor).",
                                             position: cluster.position))
                break
            }
            plan.hops.append(hop)
            plan.sources[hop] = source
            couldRunFrom = max(couldRunFrom, source.available)
        }
        // Passing through out-of-support minors is worth it only on the way to a supported one.
        while let last = plan.hops.last, plan.transit.contains(last) {
            plan.hops.removeLast()
            plan.sources[last] = nil
            plan.transit.remove(last)
        }
        return plan
    }

    /// A hop passed through on the way to a later minor, when no supported patch of its minor is offered: the
    /// current release (or the first release of the planned update) that lists the minor at all; standalone, the
    /// minor's first released patch.
    func transitSource(of minor: KubernetesMinor, from day: CalendarDate) -> HopSource? {
        guard managed else { return context.upstreamAvailability(of: minor).map { HopSource(release: nil, available: max(day, $0)) } }
        guard let decision else { return nil }
        if let current = decision.current, context.offered(current, to: cluster).contains(where: { $0.minorVersion == minor && cluster.kubernetesVersion < $0 }) {
            return HopSource(release: current, available: context.asOf)
        }
        for release in decision.chain where context.offered(release, to: cluster).contains(where: { $0.minorVersion == minor }) {
            return HopSource(release: release, available: max(day, release.released))
        }
        return nil
    }
}
