/// Planning.md section 3, "Platform first": whether each management cluster updates, to which release,
/// and the step(s) that do it.
enum PlatformPlanner {
    /// The decision for one management cluster (nil when its platform has no feed).
    static func decide(for management: ManagementCluster, context: PlanningContext) -> PlatformDecision? {
        guard let timeline = context.timeline(of: management) else { return nil }
        let current = timeline.release(management.version)
        var decision = PlatformDecision(management: management, timeline: timeline, current: current)
        let support = PlatformReleaseSupportRule.evaluate(management.version, host: management.hostOS?.name, on: timeline)
        var needed = false
        if let end = support.endDate, end <= context.horizonEnd {
            decision.addDue(end, "release support: \(support.reason)", from: timeline.releases(newerThan: management.version).first?.position ?? management.position)
            needed = true
        }
        let currentMinors = PlatformDecision.minors(current)
        for position in context.clustersByManagement[management.name] ?? [] {
            let cluster = context.clusters[position]
            // A cluster stopped too long gets no steps: it neither needs nor holds back an update.
            if context.cannotBeUpdated(cluster) { continue }
            let target = context.target(of: cluster).minor
            let version = cluster.kubernetesVersion
            if !currentMinors.contains(target) && target > version.minorVersion {
                needed = true
                decision.addReason("cluster \(cluster.name) needs Kubernetes \(target), which \(management.version) does not offer", from: cluster.position)
            } else if target > version.minorVersion,
                      current.map({ context.supportedPatches(of: target, above: version, in: $0, to: cluster, on: context.asOf).isEmpty }) ?? true {
                // The current release lists the target minor, but only in patches already out of support.
                needed = true
                decision.addReason("cluster \(cluster.name) needs a supported Kubernetes \(target) patch, which \(management.version) does not offer", from: cluster.position)
            } else if target == version.minorVersion,
                      case .on(let end) = PlatformPatchSupportRule.end(of: version, on: timeline), end <= context.horizonEnd,
                      !(current.map { context.offered($0, to: cluster) } ?? []).contains(where: { $0.minorVersion == version.minorVersion && version < $0 }) {
                // The cluster stays on its minor but its patch loses support, and only a newer release
                // offers a newer patch.
                needed = true
                decision.addReason("cluster \(cluster.name) needs a newer \(version.minorVersion) patch by \(end), which \(management.version) does not offer", from: cluster.position)
            }
        }
        guard needed else { return decision }
        let newer = timeline.releases(newerThan: management.version)
        let availableNow = newer.filter { $0.released <= context.asOf }
        // `latest` goes to the newest release available when the update can first run; `next` goes
        // one release at a time up to it.
        guard let target = availableNow.last ?? newer.first else {
            let unpublished = timeline.unpublishedReleases(newerThan: management.version)
            if unpublished.isEmpty {
                decision.addReason("no newer \(timeline.platform) release is known", from: management.position)
            } else {
                decision.addReason("newer \(timeline.platform) releases exist (\(unpublished.map(\.version.description).joined(separator: ", "))) but no source publishes their Kubernetes versions, so none can be planned until the feed gives them", from: unpublished[0].position)
            }
            return decision
        }
        var chain = [target]
        // A release reached within the horizon may itself fall out of support before its end: then
        // a further update follows, to the newest release out by then.
        while chain.count < 24, let last = chain.last,
              let end = PlatformReleaseSupportRule.evaluate(last.version, host: management.hostOS?.name, on: timeline).endDate, end <= context.horizonEnd {
            let later = timeline.releases(newerThan: last.version)
            guard let next = later.last(where: { $0.released < end }) ?? later.first else { break }
            chain.append(next)
        }
        decision.chain = timeline.rules.updatesTo == .latest ? chain : newer.filter { $0.version <= (chain.last ?? target).version }
        // Release by release, a release whose versions are unknown is a step nobody can check: the path stops
        // before it, and the support gap after the plan names the releases in between.
        if timeline.rules.updatesTo == .next {
            var through = management.version
            var kept: [PlatformRelease] = []
            for release in decision.chain {
                if let reason = timeline.pathBlockReason(after: through) {
                    decision.addReason(reason, from: timeline.pathBlock(after: through)?.unknown.first?.position)
                    break
                }
                kept.append(release)
                through = release.version
            }
            decision.chain = kept
        }
        // Expired certificates are renewed before the update (CertificateRenewal): the update does not renew them.
        let expired: Bool
        if case .expired = CertificateRenewal.lapse(of: management, context: context) { expired = true } else { expired = false }
        if let lastUpdated = management.lastUpdated, !expired {
            let expiry = lastUpdated.adding(days: timeline.rules.certificateValidity.days)
            if expiry <= context.horizonEnd {
                decision.addDue(expiry, "certificates expire \(timeline.rules.certificateValidity.days) days after the last update (\(lastUpdated))", from: management.position)
            }
        }
        return decision
    }

    /// The platform update step(s) of a decision, one per release of its chain.
    static func drafts(for decision: PlatformDecision, context: PlanningContext) -> [StepDraft] {
        var drafts: [StepDraft] = []
        var from = decision.management.version.description
        for (index, release) in decision.chain.enumerated() {
            var draft = StepDraft(kind: .platformUpdate, cluster: nil, management: decision.management.name, sequence: index,
                                  ringIndex: -1, from: from, estimatedMinutes: context.policy.durations.platform.minutes)
            draft.targetRelease = release
            draft.to = release.version.description
            draft.availableFrom = release.released
            if index == 0 {
                draft.due = decision.due
                draft.dueReason = decision.dueReason
                draft.reasons = decision.reasons
                draft.reasonSources = decision.reasonSources
            } else if let leaving = PlatformVersion(parsing: from) {
                // Each further update is due when the release it leaves goes out of support.
                let support = PlatformReleaseSupportRule.evaluate(leaving, host: decision.management.hostOS?.name, on: decision.timeline)
                draft.due = support.endDate
                draft.dueReason = "release support: \(support.reason)"
                draft.addReason("release support: \(support.reason)", from: decision.timeline.releases(newerThan: leaving).first?.position)
            }
            draft.fixes = release.fixes
            draft.blockedReason = decision.blockedReason
            drafts.append(draft)
            from = release.version.description
        }
        return drafts
    }
}
