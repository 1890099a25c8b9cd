/// Planning.md 3: the version a Kubernetes step reaches, settled on the day it runs.
extension StepScheduler {
    /// The release a management cluster runs at an instant, given the platform updates placed so far.
    func releaseInEffect(_ management: String, at instant: Instant) -> PlatformRelease? {
        let number = subjects.number(of: SubjectTable.Key(name: management, isManagement: true))
        if let placed = number.flatMap({ platform.release(of: $0, at: instant) }) { return placed }
        guard let managementCluster = context.engine.managementClusters[management] else { return nil }
        return context.timeline(of: managementCluster)?.release(managementCluster.version)
    }

    /// The version a Kubernetes step reaches when it starts at `instant`: the newest patch of its minor
    /// offered then and supported on that day (a bridge takes the newest offered, with a warning).
    mutating func resolveVersion(_ index: Int, at instant: Instant) -> KubernetesVersion? {
        let step = requirements[index]
        guard let clusterName = step.cluster, let position = subjects.cluster[numbers.subject[index]], let minor = step.targetMinor else { return nil }
        let cluster = context.clusters[position]
        if step.kind == .nodePoolUpgrade { return state.versions.controlPlane[position] }
        let day = instant.utcDate
        guard let (candidates, supported) = versionCandidates(index, at: instant) else { return nil }
        if let best = candidates.last(where: supported) { return best }
        if step.bridge, let best = candidates.last {
            findings.append(Finding(.warning, code: "bridge-version-unsupported", subject: "cluster/\(clusterName)",
                                    message: "cluster \(clusterName) bridges to \(best), the newest patch its current release offers, although it is no longer supported on \(day); the platform update waits for it.",
                                    position: cluster.position, due: day,
                                    cause: "bridges to \(best), the newest patch its current release offers, although it is no longer supported on \(day); the platform update waits for it."))
            return best
        }
        if step.transit, let best = candidates.last {
            // A step tried in several occurrences settles its version more than once: the last one is said.
            let said = "cluster \(clusterName) passes through \(minor)."
            if let earlier = findings.lastIndex(where: { $0.code == "transit-version-unsupported" && $0.message.hasPrefix(said) }) { findings.remove(at: earlier) }
            findings.append(Finding(.warning, code: "transit-version-unsupported", subject: "cluster/\(clusterName)",
                                    message: "cluster \(clusterName) passes through \(best), which is no longer supported on \(day): it upgrades one minor at a time, so it cannot skip \(minor) on its way to a supported minor.",
                                    position: cluster.position, due: day,
                                    cause: "passes through \(best), which is no longer supported on \(day): it upgrades one minor at a time, so it cannot skip \(minor) on its way to a supported minor."))
            return best
        }
        return nil
    }

    /// The patches of a Kubernetes step's minor that it may take when it starts at `instant` (offered then,
    /// above its current version and its minimum), oldest first, with the test of being supported that day;
    /// nil when its management cluster's release is not known.
    func versionCandidates(_ index: Int, at instant: Instant) -> (candidates: [KubernetesVersion], supported: (KubernetesVersion) -> Bool)? {
        let step = requirements[index]
        guard let position = subjects.cluster[numbers.subject[index]], let minor = step.targetMinor else { return nil }
        let cluster = context.clusters[position]
        let currentControlPlane = state.versions.controlPlane[position]
        let day = instant.utcDate
        var offered: [KubernetesVersion]
        var supported: (KubernetesVersion) -> Bool = { _ in true }
        if let management = step.management {
            guard let release = releaseInEffect(management, at: instant) else { return nil }
            offered = context.offered(release, to: cluster)
            if let managementCluster = context.engine.managementClusters[management], let timeline = context.timeline(of: managementCluster) {
                supported = { PlatformPatchSupportRule.end(of: $0, on: timeline).isSupported(on: day) }
            }
        } else if step.transit {
            // Passing through a minor past its end of life: every patch of it released by then.
            offered = context.engine.upstream.minor(minor)?.patches.compactMap { patch in patch.released.map { $0 <= day ? patch.version : nil } ?? nil } ?? []
            let upstream = context.engine.upstream
            supported = { StandaloneKubernetesSupportRule.evaluate($0, upstream: upstream).isSupported(on: day) }
        } else {
            offered = context.offeredUpstream(on: day)
        }
        let candidates = offered.filter { version in
            version.minorVersion == minor && currentControlPlane < version && (step.minimumVersion.map { !(version < $0) } ?? true)
        }
        return (candidates, supported)
    }
}
