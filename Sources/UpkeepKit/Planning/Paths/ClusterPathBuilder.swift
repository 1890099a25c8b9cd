/// Planning.md section 3 for one workload cluster: its target minor, one step per minor hop (or a jump
/// back into support), a patch upgrade when it stays on its minor, the pool moves the kubelet skew rule
/// needs, and each step's reasons and deadline.
struct ClusterPathBuilder {
    let context: PlanningContext
    let cluster: WorkloadCluster
    let decision: PlatformDecision?

    struct Result {
        var drafts: [StepDraft] = []
        var findings: [Finding] = []
        var target: KubernetesMinor
        /// A bridge the platform update needs is impossible (no release offers a way).
        var bridgeImpossible = false
    }

    var policy: UpgradePolicy { context.policy }
    var managed: Bool { cluster.managementCluster != nil }

    // MARK: The path

    func build() -> Result {
        let chosen = context.target(of: cluster)
        let (target, candidates, targetReason) = (chosen.minor, chosen.candidates, chosen.reason)
        var result = Result(target: target)
        let current = cluster.kubernetesVersion
        let currentMinor = current.minorVersion

        if context.cannotBeUpdated(cluster) { return result }
        let blockedReason = context.stoppedBlockReason(cluster)

        // Hops: one minor at a time, or a jump back into support where the platform allows it (planning.md 3).
        let minorSupport = minorVerdict(currentMinor)
        let planned = hopPlan(target: target, candidates: candidates, minorSupport: minorSupport)
        let hops = planned.hops
        let jumpReason = planned.jumpReason, bridgeUntil = planned.bridgeUntil, hopSources = planned.sources
        result.findings += planned.findings
        result.bridgeImpossible = planned.bridgeImpossible
        result.target = hops.last ?? currentMinor

        var drafts: [StepDraft] = []
        var poolVersions = Dictionary(uniqueKeysWithValues: cluster.nodePools.map { ($0.name, $0.kubernetesVersion) })
        var controlPlane = current
        let ring = context.ring(of: cluster)

        func poolMoves(before minor: KubernetesMinor, reason: String, dueNow: Bool) {
            for pool in cluster.nodePools {
                guard let version = poolVersions[pool.name] else { continue }
                let behind = minor.distance(from: version.minorVersion)
                // Moving a pool to the version it already runs is no move (a jump wider than the skew).
                guard behind > policy.kubeletSkew || controlPlane < version, version != controlPlane else { continue }
                var draft = StepDraft(kind: .nodePoolUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                                      pool: pool.name, sequence: drafts.count, ringIndex: ring, from: version.description,
                                      estimatedMinutes: context.roll(pool))
                draft.targetMinor = controlPlane.minorVersion
                draft.movedPools = [pool.name]
                draft.addReason(reason, from: pool.position)
                if dueNow {
                    draft.addDue(context.asOf, "kubelet skew: \(KubeletSkewRule.evaluate(pool: version, controlPlane: controlPlane, allowedSkew: policy.kubeletSkew).reason)")
                }
                draft.addDue(kubernetesVerdicts(version).compactMap(\.endDate).min(), "node pool \(pool.name) runs \(version): \(kubernetesVerdicts(version).first { $0.endDate != nil }?.reason ?? "")")
                drafts.append(draft)
                poolVersions[pool.name] = controlPlane
            }
        }

        // A pool out of skew now is repaired first.
        poolMoves(before: currentMinor, reason: "kubelet skew: the pool is out of the allowed skew now; it moves to its control plane's version first", dueNow: true)

        let lockstep = policy.workerUpgrades == .lockstep
        if hops.isEmpty {
            for patch in patchUpgrades(ring: ring, sequence: drafts.count, lockstep: lockstep, findings: &result.findings) {
                drafts.append(patch)
                controlPlane = patchCandidates(minimum: patch.minimumVersion).last?.version ?? controlPlane
                if lockstep { for pool in cluster.nodePools { poolVersions[pool.name] = controlPlane } }
            }
        }
        for (index, hop) in hops.enumerated() {
            poolMoves(before: hop, reason: "kubelet skew: before the control plane moves to \(hop), every pool must be at \(KubernetesMinor(major: hop.major, minor: hop.minor - policy.kubeletSkew)) or newer", dueNow: false)
            var draft = StepDraft(kind: .kubernetesUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                                  sequence: drafts.count, ringIndex: ring, from: controlPlane.description,
                                  estimatedMinutes: policy.durations.controlPlane.minutes + (lockstep ? cluster.nodePools.map(context.roll).reduce(0, +) : 0))
            draft.targetMinor = hop
            draft.movesControlPlane = true
            draft.movedPools = lockstep ? cluster.nodePools.map(\.name) : []
            draft.bridge = bridgeUntil.map { hop <= $0 } ?? false
            draft.transit = planned.transit.contains(hop)
            draft.needsPlatformUpdate = hopSources[hop]?.release.map { $0.version != decision?.current?.version } ?? false
            if draft.needsPlatformUpdate { draft.releaseNeeded = hopSources[hop]?.release?.version }
            draft.availableFrom = hopSources[hop]?.available
            if index == 0 {
                if let jumpReason { draft.addReason(jumpReason, from: source(of: minorSupport, minor: currentMinor)) }
                for verdict in kubernetesVerdicts(current) {
                    draft.addDue(verdict.endDate, verdict.reason)
                    if verdict.endDate.map({ $0 <= context.horizonEnd }) ?? false { draft.addReason("support end: \(verdict.reason)", from: source(of: verdict, version: current)) }
                }
            } else {
                let leaving = hops[index - 1]
                let verdict = minorVerdict(leaving)
                draft.addDue(verdict.endDate, verdict.reason)
                if verdict.endDate.map({ $0 <= context.horizonEnd }) ?? false { draft.addReason("support end: \(verdict.reason)", from: source(of: verdict, minor: leaving)) }
            }
            if draft.bridge, let decision, let targetRelease = decision.target {
                draft.addReason("bridge: \(decision.management.name) can update to \(targetRelease.version) only once the cluster runs a minor that release offers",
                                from: targetRelease.position)
                draft.addDue(decision.due, "bridge for the platform update of \(decision.management.name): \(decision.dueReason ?? "")")
            }
            if hop == target || draft.reasons.isEmpty { draft.addReason(targetReason, from: policy.position ?? cluster.position) }
            drafts.append(draft)
            controlPlane = nominalVersion(hop, from: hopSources[hop]?.release) ?? controlPlane
            if lockstep { for pool in cluster.nodePools { poolVersions[pool.name] = controlPlane } }
        }
        if !lockstep && (!hops.isEmpty || drafts.last?.isPatchUpgrade == true) {
            for pool in cluster.nodePools where poolVersions[pool.name].map({ $0 != controlPlane }) ?? false {
                var draft = StepDraft(kind: .nodePoolUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                                      pool: pool.name, sequence: drafts.count, ringIndex: ring, from: poolVersions[pool.name]?.description ?? "",
                                      estimatedMinutes: context.roll(pool))
                draft.targetMinor = controlPlane.minorVersion
                draft.movedPools = [pool.name]
                draft.addReason("minimal worker upgrades: the pool moves once, straight to the cluster's final version", from: policy.position ?? pool.position)
                drafts.append(draft)
                poolVersions[pool.name] = controlPlane
            }
        }

        assignAdvisories(&drafts, sources: hopSources)
        if let followUp = advisoryPatchAfterHops(drafts, hops: hops, controlPlane: controlPlane, ring: ring, lockstep: lockstep) {
            drafts.append(followUp)
        }
        for index in drafts.indices {
            drafts[index].blockedReason = blockedReason
            if drafts[index].availableFrom == nil, let minor = drafts[index].targetMinor { drafts[index].availableFrom = availability(of: minor) }
        }
        result.drafts = drafts
        return result
    }

    /// Gives each advisory the cluster is exposed to to the first Kubernetes step whose expected version
    /// is out of every affected range: that step fixes it, bypasses soak and takes its deadline.
    private func assignAdvisories(_ drafts: inout [StepDraft], sources: [KubernetesMinor: HopSource]) {
        let advisories = context.engine.inputs.advisories
        let staged = Set(drafts.filter(\.isPatchUpgrade).flatMap(\.fixes))
        for exposure in AdvisoryExposureRule.clusterExposures(cluster, advisories: advisories, policy: policy) where !exposure.unfixed {
            // A patch stage names the advisories it was made for (its newest candidate may come out later).
            guard !staged.contains(exposure.advisoryID), let advisory = advisories.first(where: { $0.id == exposure.advisoryID }) else { continue }
            var poolVersions = Dictionary(uniqueKeysWithValues: cluster.nodePools.map { ($0.name, $0.kubernetesVersion) })
            var controlPlane = cluster.kubernetesVersion
            for index in drafts.indices {
                guard let minor = drafts[index].targetMinor else { continue }
                let version = drafts[index].isPatchUpgrade
                    ? (patchCandidates(minimum: drafts[index].minimumVersion).last?.version ?? controlPlane)
                    : (nominalVersion(minor, from: drafts[index].movesControlPlane ? sources[minor]?.release : nil) ?? controlPlane)
                if drafts[index].movesControlPlane { controlPlane = version }
                for pool in drafts[index].movedPools { poolVersions[pool] = drafts[index].kind == .nodePoolUpgrade ? controlPlane : version }
                let versions = [controlPlane] + Array(poolVersions.values)
                let stillExposed = advisory.kubernetesRanges.contains { range in versions.contains { range.contains($0) } }
                if !stillExposed {
                    if !drafts[index].fixes.contains(advisory.id) { drafts[index].fixes.append(advisory.id) }
                    drafts[index].securityFix = true
                    drafts[index].addDue(exposure.due, "\(advisory.id) (\(advisory.severity.rawValue)) must be fixed by \(exposure.due?.description ?? "no date")")
                    let reason = "advisory \(advisory.id) (\(advisory.severity.rawValue))"
                    if !drafts[index].reasons.contains(where: { $0.hasPrefix("advisory \(advisory.id)") }) { drafts[index].addReason(reason, from: advisory.position) }
                    break
                }
            }
        }
    }
}
