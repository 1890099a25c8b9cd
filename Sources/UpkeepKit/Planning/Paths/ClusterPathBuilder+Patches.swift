/// Planning.md 3, "Patch upgrades": the patch upgrades of a cluster that stays on its minor, and the patch after
/// the hops that an advisory fixed only in a later patch of the last hop's minor asks for.
extension ClusterPathBuilder {
    /// The patch upgrades within the current minor, when the cluster stays on it through a patch's due date: its
    /// patch loses support, or an advisory needs a newer patch. Needs are staged (`PatchStages`) so that a patch out
    /// in time is not held back by one that comes out later.
    func patchUpgrades(ring: Int, sequence: Int, lockstep: Bool, findings: inout [Finding]) -> [StepDraft] {
        let current = cluster.kubernetesVersion
        var needs: [PatchNeed] = []
        for verdict in kubernetesVerdicts(current) where verdict.rule == .kubernetesPatch {
            guard let end = verdict.endDate, end <= context.horizonEnd else { continue }
            needs.append(PatchNeed(minimum: nil, due: end, dueReason: verdict.reason, reason: "support end: \(verdict.reason)",
                                   source: source(of: verdict, version: current)))
        }
        for exposure in AdvisoryExposureRule.clusterExposures(cluster, advisories: context.engine.inputs.advisories, policy: policy) where !exposure.unfixed {
            guard let advisory = context.engine.inputs.advisories.first(where: { $0.id == exposure.advisoryID }) else { continue }
            let fixes = advisory.kubernetesRanges.compactMap { range -> KubernetesVersion? in
                if case .fixed(let version) = range.end, range.contains(current), version.minorVersion == current.minorVersion { return version }
                return nil
            }
            guard let needed = fixes.max() else { continue }
            needs.append(PatchNeed(minimum: needed, due: exposure.due,
                                   dueReason: "\(advisory.id) (\(advisory.severity.rawValue)) must be fixed by \(exposure.due?.description ?? "no date")",
                                   reason: "advisory \(advisory.id) is fixed in \(needed)", source: advisory.position, advisoryID: advisory.id))
        }
        guard !needs.isEmpty else { return [] }
        var drafts: [StepDraft] = []
        var from = current
        for stage in PatchStages.stages(needs, available: { patchCandidates(minimum: $0).first?.available }) {
            let minimum = stage.compactMap(\.minimum).max()
            var draft = StepDraft(kind: .kubernetesUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                                  sequence: sequence + drafts.count, ringIndex: ring, from: from.description,
                                  estimatedMinutes: policy.durations.controlPlane.minutes + (lockstep ? cluster.nodePools.map(context.roll).reduce(0, +) : 0))
            draft.targetMinor = current.minorVersion
            draft.isPatchUpgrade = true
            draft.movesControlPlane = true
            draft.movedPools = lockstep ? cluster.nodePools.map(\.name) : []
            draft.minimumVersion = minimum
            for need in stage {
                draft.addDue(need.due, need.dueReason)
                draft.addReason(need.reason, from: need.source)
                if let id = need.advisoryID, drafts.isEmpty || !drafts.contains(where: { $0.fixes.contains(id) }) {
                    draft.fixes.append(id)
                    draft.securityFix = true
                }
            }
            let candidates = patchCandidates(minimum: minimum)
            guard let first = candidates.first else {
                let cause = "needs a newer \(current.minorVersion) patch by \(draft.due?.description ?? "the horizon") (\(draft.dueReason ?? "")), but no release within the horizon offers one\(minimum.map { " at or above \($0)" } ?? "")."
                findings.append(Finding(.warning, code: "nothing-to-fix-with", subject: "cluster/\(cluster.name)", message: "cluster \(cluster.name) \(cause)",
                                        position: cluster.position, due: draft.due, concern: draft.fixes.isEmpty ? .support : .advisory, cause: cause))
                break
            }
            draft.availableFrom = first.available
            // A patch the current release offers needs no platform update; otherwise it waits for one.
            draft.needsPlatformUpdate = managed && !candidates.contains { $0.fromCurrentRelease }
            drafts.append(draft)
            // The next stage starts from the newest patch out by this one's deadline (or the first it can take).
            let by = [draft.due, first.available].compactMap { $0 }.max() ?? first.available
            from = candidates.last { $0.available <= by }?.version ?? first.version
        }
        return drafts
    }

    /// Planning.md 3: the last hop may have to take an older patch (a bridge takes what the current release
    /// lists) and so leave an advisory unfixed that a later patch of the same minor fixes. A patch upgrade after
    /// the hops takes that patch from the first release of the planned update that offers it.
    func advisoryPatchAfterHops(_ drafts: [StepDraft], hops: [KubernetesMinor], controlPlane: KubernetesVersion,
                                        ring: Int, lockstep: Bool) -> StepDraft? {
        guard managed, let decision, let final = hops.last else { return nil }
        let fixed = Set(drafts.flatMap(\.fixes))
        let advisories = context.engine.inputs.advisories
        var needs: [(advisory: SecurityAdvisory, due: CalendarDate?, version: KubernetesVersion)] = []
        for exposure in AdvisoryExposureRule.clusterExposures(cluster, advisories: advisories, policy: policy)
        where !exposure.unfixed && !fixed.contains(exposure.advisoryID) {
            guard let advisory = advisories.first(where: { $0.id == exposure.advisoryID }) else { continue }
            let versions = advisory.kubernetesRanges.compactMap { range -> KubernetesVersion? in
                if case .fixed(let version) = range.end, version.minorVersion == final, range.contains(controlPlane) { return version }
                return nil
            }
            if let needed = versions.max() { needs.append((advisory, exposure.due, needed)) }
        }
        guard let minimum = needs.map(\.version).max(),
              let release = decision.chain.first(where: { release in
                  context.offered(release, to: cluster).contains { $0.minorVersion == final && !($0 < minimum) }
              }) else { return nil }
        var draft = StepDraft(kind: .kubernetesUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                              sequence: drafts.count, ringIndex: ring, from: controlPlane.description,
                              estimatedMinutes: policy.durations.controlPlane.minutes + (lockstep ? cluster.nodePools.map(context.roll).reduce(0, +) : 0))
        draft.targetMinor = final
        draft.isPatchUpgrade = true
        draft.movesControlPlane = true
        draft.movedPools = lockstep ? cluster.nodePools.map(\.name) : []
        draft.minimumVersion = minimum
        draft.needsPlatformUpdate = true
        draft.releaseNeeded = release.version
        draft.availableFrom = release.released
        draft.securityFix = true
        for need in needs {
            draft.fixes.append(need.advisory.id)
            draft.addDue(need.due, "\(need.advisory.id) (\(need.advisory.severity.rawValue)) must be fixed by \(need.due?.description ?? "no date")")
            draft.addReason("advisory \(need.advisory.id) is fixed in \(need.version), which \(decision.management.name)'s release \(release.version) offers after the update",
                            from: need.advisory.position)
        }
        return draft
    }

    /// Newer patches of the current minor that a patch upgrade may take, with the day each is available.
    func patchCandidates(minimum: KubernetesVersion?) -> [(version: KubernetesVersion, available: CalendarDate, fromCurrentRelease: Bool)] {
        let current = cluster.kubernetesVersion
        let wanted = { (version: KubernetesVersion) in
            version.minorVersion == current.minorVersion && current < version && (minimum.map { !(version < $0) } ?? true)
        }
        if managed {
            guard let decision else { return [] }
            var result: [(KubernetesVersion, CalendarDate, Bool)] = []
            if let release = decision.current {
                result += context.offered(release, to: cluster).filter(wanted).map { ($0, context.asOf, true) }
            }
            for release in decision.chain {
                result += context.offered(release, to: cluster).filter(wanted).map { ($0, release.released, false) }
            }
            return result
        }
        return (context.engine.upstream.minor(current.minorVersion)?.patches ?? []).compactMap { patch in
            guard wanted(patch.version), let released = patch.released, released <= context.searchEnd else { return nil }
            return (patch.version, released, true)
        }
    }
}
