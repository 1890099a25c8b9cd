/// Planning.md 3, "Node images": after the Kubernetes steps are placed, a pool whose image is still due
/// before any of them brings it a newer one gets its own `node-image-update` (repeated as the horizon
/// needs), or — where the platform updates images only with Kubernetes — a patch upgrade that brings
/// one, or a warning.
enum NodeImageRound {
    /// Hands the clusters' needs (in cluster order) to the scheduler: the image updates, chained where a
    /// refresh follows another, and the patch upgrades that bring images where image-only updates are not
    /// allowed.
    static func add(_ needs: [Needs], to scheduler: inout StepScheduler, context: PlanningContext, findings: inout [Finding]) {
        for (position, need) in needs.enumerated() {
            var added: [Int] = []
            for (offset, chained) in need.chainedTo.enumerated() {
                added.append(scheduler.add(need.drafts[offset], predecessors: chained.map { [added[$0]] }))
            }
            findings += need.findings
            if let patch = need.patchNeed {
                patchUpgrade(context.clusters[position], need: patch, scheduler: &scheduler, context: context, findings: &findings)
            }
        }
    }

    /// What one cluster's pools need in images: new image-update drafts (a chained one names the
    /// position of the one before it among `drafts`), findings, and a patch upgrade's need.
    struct Needs: Sendable {
        var drafts: [StepDraft] = []
        var chainedTo: [Int?] = []
        var findings: [Finding] = []
        var patchNeed: (due: CalendarDate, reason: String)?
    }

    /// One cluster's needs, given its placed steps (their positions in `placements`): reads, changes nothing.
    static func needs(of cluster: WorkloadCluster, placed: [Int], placements: [StepPlacement], context: PlanningContext,
                      decisions: [String: PlatformDecision], texts: inout ImageTexts) -> Needs {
        var result = Needs()
        let engine = context.engine
        if context.cannotBeUpdated(cluster) { return result }
        let imageOnly = cluster.managementCluster.flatMap { decisions[$0.name]?.timeline.rules.nodeImageOnlyUpdates } ?? true
        let ring = context.ring(of: cluster)
        let blockedReason = context.stoppedBlockReason(cluster)
        for (poolIndex, pool) in cluster.nodePools.enumerated() {
            var due: (date: CalendarDate, reason: String)?
            func consider(_ date: CalendarDate?, _ reason: String) {
                guard let date else { return }
                if due == nil || date < (due?.date ?? date) { due = (date, reason) }
            }
            let age = texts.age(of: pool)
            consider(age.endDate, age.reason)
            if let family = texts.familyEnd(pool.imageFamily.name) { consider(family.endDate, family.reason) }
            var fixes: [String] = []
            for exposure in AdvisoryExposureRule.poolExposures(pool, advisories: engine.inputs.advisories, policy: context.policy) {
                consider(exposure.due, "\(exposure.advisoryID) (\(exposure.severity.rawValue)) must be fixed by \(exposure.due?.description ?? "no date")")
                fixes.append(exposure.advisoryID)
            }
            guard let imageDue = due, imageDue.date <= context.horizonEnd else { continue }
            // The first placed Kubernetes step that brings this pool a newer image.
            // (Read in place: a copy of each placement would cost more than the look.)
            var bringing: (start: Instant?, end: Instant?)?
            for index in placed where placements[index].imageChanges.contains(where: { $0.nodePool == pool.name }) {
                let start = placements[index].start ?? Instant(minutesSinceEpoch: 0)
                if bringing.map({ start < ($0.start ?? Instant(minutesSinceEpoch: 0)) }) ?? true { bringing = (placements[index].start, placements[index].end) }
            }
            if let end = bringing?.end, end <= Instant(startOf: imageDue.date) { continue }
            // Positions in the family's list (images are not copied: each copy would touch the
            // reference counts every thread shares).
            let family = engine.images.images(of: pool.imageFamily.name)
            let newer = family.indices.filter { index in
                pool.nodeImage < family[index].version && family[index].released <= context.horizonEnd
                    && (family[index].kubernetesVersions.isEmpty || family[index].kubernetesVersions.contains(pool.kubernetesVersion))
            }
            // The newest image out before the due date (so the update can be on time), else the
            // first one after it.
            let byDue = newer.last { family[$0].released < max(imageDue.date, context.asOf.adding(days: 1)) }
            guard let imageIndex = byDue ?? newer.first else {
                if bringing == nil {
                    let cause = "needs a newer \(pool.imageFamily.name) image by \(imageDue.date) (\(imageDue.reason)), but no catalog has one for Kubernetes \(pool.kubernetesVersion) within the horizon."
                    result.findings.append(Finding(.warning, code: "nothing-to-fix-with", subject: "cluster/\(cluster.name)/pool/\(pool.name)",
                                                   message: "node pool \(pool.name) of cluster \(cluster.name) \(cause)",
                                                   position: pool.position, due: imageDue.date, concern: .support, cause: cause))
                }
                continue
            }
            let current = pool.nodeImage
            guard imageOnly else {
                if result.patchNeed.map({ imageDue.date < $0.due }) ?? true { result.patchNeed = (imageDue.date, "node pool \(pool.name) needs image \(family[imageIndex].version) by \(imageDue.date) (\(imageDue.reason))") }
                continue
            }
            // Made where it lies in `result.drafts` (a draft is large: a copy would cost more than the look).
            result.drafts.append(StepDraft(kind: .nodeImageUpdate, cluster: cluster.name, management: cluster.managementCluster?.name,
                                           pool: pool.name, sequence: 1000 + placed.count, ringIndex: ring,
                                           from: current.text, estimatedMinutes: context.roll(pool)))
            let first = result.drafts.count - 1
            let sequence = result.drafts[first].sequence
            result.drafts[first].targetImageVersion = family[imageIndex].version
            result.drafts[first].poolIndex = poolIndex
            result.drafts[first].to = family[imageIndex].version.text
            result.drafts[first].availableFrom = family[imageIndex].released
            result.drafts[first].due = imageDue.date
            result.drafts[first].dueReason = imageDue.reason
            // Image updates name no source of their own: `explain` points at the pool's fleet entry (tens of
            // thousands of them, and each source would be one more array to make).
            result.drafts[first].reasons = ["node image: \(imageDue.reason)"]
            result.drafts[first].fixes = fixes.sorted()
            result.drafts[first].securityFix = !fixes.isEmpty
            result.drafts[first].mustEndBefore = bringing?.start ?? nil
            result.drafts[first].blockedReason = blockedReason
            result.chainedTo.append(nil)
            // With no Kubernetes step bringing images, the new image ages too: each further refresh
            // the horizon needs follows the one before it.
            guard bringing == nil else { continue }
            var previous = (index: first, image: imageIndex)
            while true {
                let refresh = texts.refresh(after: family[previous.image])
                let nextDue = refresh.due
                guard nextDue <= context.horizonEnd else { break }
                let previousVersion = family[previous.image].version
                let later = newer.filter { previousVersion < family[$0].version }
                guard let nextIndex = later.last(where: { family[$0].released < nextDue }) ?? later.first else { break }
                // The one before it as the template (same pool, window and limits), changed where it lies: every
                // field a refresh changes is set here (a draft is large: each copy would cost more than the look).
                result.drafts.append(result.drafts[previous.index])
                let next = result.drafts.count - 1
                result.drafts[next].sequence = sequence + 1
                result.drafts[next].from = previousVersion.text
                result.drafts[next].targetImageVersion = family[nextIndex].version
                result.drafts[next].to = family[nextIndex].version.text
                result.drafts[next].availableFrom = family[nextIndex].released
                result.drafts[next].due = nextDue
                result.drafts[next].dueReason = refresh.reason
                result.drafts[next].reasons = refresh.reasons
                result.drafts[next].fixes = []
                result.drafts[next].securityFix = false
                result.drafts[next].predecessors = []
                result.chainedTo.append(previous.index)
                previous = (result.drafts.count - 1, nextIndex)
            }
        }
        return result
    }

    /// Where the platform updates node images only with a Kubernetes change (AKS Arc), a pool whose
    /// image is due gets a patch upgrade of its cluster that brings new images, when a newer patch of
    /// the cluster's minor is offered; otherwise a warning says what is missing.
    static func patchUpgrade(_ cluster: WorkloadCluster, need: (due: CalendarDate, reason: String), scheduler: inout StepScheduler,
                             context: PlanningContext, findings: inout [Finding]) {
        let current = scheduler.controlPlaneVersion(of: cluster.name) ?? cluster.kubernetesVersion
        let management = cluster.managementCluster?.name ?? ""
        let release = scheduler.releaseInEffect(management, at: Instant(startOf: context.horizonEnd))
        let newer = release.map { context.offered($0, to: cluster) }?.filter { $0.minorVersion == current.minorVersion && current < $0 } ?? []
        // Worth it only if the patch brings some pool a newer image.
        let bringsImage = newer.last.map { version in
            cluster.nodePools.contains { pool in
                context.newestImage(family: pool.imageFamily.name, for: version, on: context.horizonEnd).map { pool.nodeImage < $0.version } ?? false
            }
        } ?? false
        guard bringsImage else {
            // A Kubernetes upgrade already placed for the cluster may bring new images, only later: say so.
            let bringing = scheduler.requirements.indices.first { index in
                scheduler.requirements[index].cluster == cluster.name && scheduler.placements[index].placed && !scheduler.placements[index].imageChanges.isEmpty
            }.map { scheduler.placements[$0] }
            let planned = bringing.flatMap { step in
                step.imageChanges.last.map { "; the planned upgrade to \(step.to) brings image \($0.to) on \(step.start?.utcDate.description ?? "")" }
            } ?? ""
            findings.append(Finding(.warning, code: "image-needs-kubernetes-upgrade", subject: "cluster/\(cluster.name)",
                                    message: "cluster \(cluster.name): \(need.reason); its platform updates node images only with a Kubernetes upgrade\(planned), and no newer \(current.minorVersion) patch offered within the horizon brings a newer image.",
                                    position: cluster.position,
                                    cause: planned.isEmpty ? "\(need.reason); its platform updates node images only with a Kubernetes upgrade, and no newer \(current.minorVersion) patch offered within the horizon brings a newer image." : nil))
            return
        }
        let lockstepMinutes = context.policy.durations.controlPlane.minutes + cluster.nodePools.map(context.roll).reduce(0, +)
        var draft = StepDraft(kind: .kubernetesUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                              sequence: 2000, ringIndex: context.ring(of: cluster), from: current.description, estimatedMinutes: lockstepMinutes)
        draft.targetMinor = current.minorVersion
        draft.isPatchUpgrade = true
        draft.movesControlPlane = true
        draft.movedPools = cluster.nodePools.map(\.name)
        draft.due = need.due
        draft.dueReason = need.reason
        draft.addReason("node images: \(need.reason); the platform updates node images only with a Kubernetes upgrade, so a patch upgrade brings them",
                        from: cluster.position)
        // After the cluster's own steps and the platform update that offers the patch.
        draft.predecessors = scheduler.placedPositions(ofCluster: cluster.name).suffix(1)
            + scheduler.placedPlatformUpdates(of: management).suffix(1)
        scheduler.add(draft)
    }
}
