/// Makes the plan (planning.md 3–6): decides platform updates and each cluster's path, links the steps
/// into the dependency graph, schedules them, adds the node image updates and certificate rotations
/// still needed, and explains every step.
public enum Planner {
    public static func plan(inputs: InputSet, asOf: CalendarDate, horizon: TimeSpan? = nil, inputFiles: [Plan.InputFile] = []) -> Plan {
        plan(inputs: inputs, asOf: asOf, horizon: horizon, inputFiles: inputFiles,
             imageUpdatesByWindowFrom: StepScheduler.defaultImageUpdatesByWindowFrom)
    }

    /// `imageUpdatesByWindowFrom`: see `StepScheduler`; the tests lower it.
    static func plan(inputs: InputSet, asOf: CalendarDate, horizon: TimeSpan?, inputFiles: [Plan.InputFile],
                     imageUpdatesByWindowFrom: Int) -> Plan {
        let context = PlanningContext(inputs: inputs, asOf: asOf, horizon: horizon ?? inputs.policy.horizon)
        PhaseClock.mark("planning context")
        var findings: [Finding] = []
        // Every cluster's target, worked out once on every core (the platform decisions and the paths
        // read them).
        let sharedContext = Unshared(context)
        // The support findings do not depend on the plan: they are worked out meanwhile.
        let supportFindingsLater = BackgroundValue { supportFindings(sharedContext.value) }
        _ = ParallelChunks.map(context.clusters.count, minimum: 256) { range -> [Int] in
            for cluster in sharedContext.value.clusters[range] { _ = sharedContext.value.target(of: cluster) }
            return []
        }
        var decisions = PlatformPlanner.decide(context)

        // Paths per cluster.
        var drafts: [StepDraft] = []
        var clusterSteps: [String: [Int]] = [:]
        var targets: [String: KubernetesMinor] = [:]
        PhaseClock.mark("cluster targets and platform decisions")
        // Each cluster's path is worked out on its own, on every core; the results are then taken in
        // cluster order.
        let decided = decisions
        let paths = ParallelChunks.map(context.clusters.count, minimum: 256) { range in
            let context = sharedContext.value
            return context.clusters[range].map { cluster in
                ClusterPathBuilder(context: context, cluster: cluster, decision: cluster.managementCluster.flatMap { decided[$0.name] }).build()
            }
        }
        PhaseClock.mark("cluster paths")
        for (cluster, result) in zip(context.clusters, paths) {
            findings += result.findings
            targets[cluster.name] = result.target
            if result.bridgeImpossible, let name = cluster.managementCluster?.name {
                decisions[name]?.blockedReason = "cluster \(cluster.name) has no path into the target release"
            }
            for draft in result.drafts {
                clusterSteps[cluster.name, default: []].append(drafts.count)
                drafts.append(draft)
            }
        }
        var platformSteps: [String: [Int]] = [:]
        for name in decisions.keys.sorted(by: { UTF8Order.precedes($0, $1) }) {
            guard let decision = decisions[name] else { continue }
            for draft in PlatformPlanner.drafts(for: decision, context: context) {
                platformSteps[name, default: []].append(drafts.count)
                drafts.append(draft)
            }
        }

        PhaseClock.mark("platform steps and path drafts")
        link(&drafts, context: context, decisions: decisions, clusterSteps: clusterSteps, platformSteps: platformSteps)

        PhaseClock.mark("dependency graph")
        // Scheduling the Kubernetes steps keeps one core busy: the input files are hashed on the other.
        inputs.startDigests()
        let scheduler = StepScheduler(context: context, steps: drafts, imageUpdatesByWindowFrom: imageUpdatesByWindowFrom)
        PhaseClock.mark("scheduler set-up")
        scheduler.run()
        PhaseClock.mark("schedule Kubernetes and platform steps")
        addImageUpdates(scheduler, context: context, decisions: decisions, findings: &findings)
        // Setting up the image round keeps one core busy: what the cluster rows need that no step
        // changes is worked out on the other.
        let rowsLater = BackgroundValue { sharedContext.value.clusters.map { ClusterRowStart(sharedContext.value.engine, $0) } }
        PhaseClock.mark("node image drafts added")
        scheduler.run()
        PhaseClock.mark("schedule node image updates")
        addCertificateRotations(scheduler, context: context)

        findings += scheduler.findings
        findings += supportFindingsLater.value
        findings += advisoryGaps(scheduler.steps, context: context, reported: findings)
        PhaseClock.mark("certificates and findings")
        let (steps, placedByCluster) = finish(scheduler, context: context, findings: &findings)
        PhaseClock.mark("step findings and cluster steps")
        drafts = []
        BackgroundRelease.release(consume scheduler)
        let sortedFindings = sorted(findings)
        PhaseClock.mark("sorted findings")
        let clusters = summaries(context, steps: steps, placedByCluster: placedByCluster, starts: rowsLater.value)
        PhaseClock.mark("cluster summaries")
        let plan = Plan(asOf: asOf, horizonEnd: context.horizonEnd, inputs: inputFiles, steps: steps, findings: sortedFindings,
                        clusters: clusters)
        BackgroundRelease.release(consume context)
        return plan
    }

    /// Findings in their order (`Finding.<`, equal ones as they came), sorted on both cores; the
    /// comparisons read the fields in place, since copying findings costs more than comparing them.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.withUnsafeBufferPointer { buffer in
            let shared = Unshared(buffer)
            return ParallelSort.sorted(Array(buffer.indices)) { a, b in
                let buffer = shared.value
                if buffer[a].severity != buffer[b].severity { return buffer[a].severity < buffer[b].severity }
                var order = UTF8Order.compare(buffer[a].subject, buffer[b].subject)
                if order == 0 { order = UTF8Order.compare(buffer[a].code, buffer[b].code) }
                if order == 0 { order = UTF8Order.compare(buffer[a].message, buffer[b].message) }
                return order != 0 ? order < 0 : a < b
            }.map { buffer[$0] }
        }
    }

    // MARK: The dependency graph (planning.md 4)

    static func link(_ drafts: inout [StepDraft], context: PlanningContext, decisions: [String: PlatformDecision],
                     clusterSteps: [String: [Int]], platformSteps: [String: [Int]]) {
        // A subject's steps in sequence.
        for indices in Array(clusterSteps.values) + Array(platformSteps.values) {
            for (previous, next) in zip(indices, indices.dropFirst()) { drafts[next].predecessors.append(previous) }
        }
        // Platform first; lagging clusters' bridges before the update.
        for name in platformSteps.keys.sorted(by: { UTF8Order.precedes($0, $1) }) {
            guard decisions[name] != nil, let indices = platformSteps[name], let first = indices.first else { continue }
            for position in context.clustersByManagement[name] ?? [] {
                let cluster = context.clusters[position]
                for index in clusterSteps[cluster.name] ?? [] {
                    if drafts[index].bridge {
                        drafts[first].predecessors.append(index)
                    } else if drafts[index].needsPlatformUpdate, let minor = drafts[index].targetMinor {
                        let needed = drafts[index].releaseNeeded
                        let bringing = indices.first { position in
                            drafts[position].targetRelease.map { release in
                                if let needed { return release.version == needed }
                                return context.offered(release, to: cluster).contains { version in
                                    version.minorVersion == minor && (drafts[index].minimumVersion.map { !(version < $0) } ?? true)
                                }
                            } ?? false
                        }
                        drafts[index].predecessors.append(bringing ?? indices[indices.count - 1])
                    }
                }
            }
        }
        // dependsOn: a Kubernetes step to minor m waits for the first step of each listed cluster that
        // reaches m or newer; when that cluster never gets there, the step is blocked.
        for cluster in context.clusters where !cluster.dependsOn.isEmpty {
            for index in clusterSteps[cluster.name] ?? [] {
                guard let minor = drafts[index].targetMinor, drafts[index].kind != .nodeImageUpdate else { continue }
                for dependency in cluster.dependsOn {
                    guard let position = context.clusterIndex[dependency.name] else { continue }
                    if context.clusters[position].kubernetesVersion.minorVersion >= minor { continue }
                    let first = (clusterSteps[dependency.name] ?? []).first { drafts[$0].movesControlPlane && (drafts[$0].targetMinor.map { $0 >= minor } ?? false) }
                    if let first {
                        drafts[index].predecessors.append(first)
                    } else if drafts[index].blockedReason == nil {
                        drafts[index].blockedReason = "it waits for cluster \(dependency.name) (dependsOn), which is planned never to reach \(minor)"
                    }
                }
            }
        }
    }

    // MARK: Node images (planning.md 3, "Node images")

    /// What one cluster's pools need in images: new image-update drafts (a chained one names the
    /// position of the one before it among `drafts`), findings, and a patch upgrade's need.
    struct ImageUpdates {
        var drafts: [StepDraft] = []
        var chainedTo: [Int?] = []
        var findings: [Finding] = []
        var patchNeed: (due: CalendarDate, reason: String)?
    }

    /// A pool whose image is due before any Kubernetes step brings it a newer one gets its own
    /// node-image-update (or, where the platform allows no image-only update, a patch upgrade or a
    /// warning). Each cluster is worked out on its own, on every core at once; the drafts are then
    /// added in cluster order, so the plan is the same as one pass would make.
    static func addImageUpdates(_ scheduler: StepScheduler, context: PlanningContext, decisions: [String: PlatformDecision], findings: inout [Finding]) {
        let shared = Unshared((scheduler, context, decisions))
        let perCluster = ParallelChunks.map(context.clusters.count, minimum: 256) { range in
            let (scheduler, context, decisions) = shared.value
            let texts = ImageTexts(context: context)
            return range.map { imageUpdates(of: context.clusters[$0], scheduler: scheduler, context: context, decisions: decisions, texts: texts) }
        }
        PhaseClock.mark("node image drafts")
        scheduler.steps.reserveCapacity(scheduler.steps.count + perCluster.reduce(0) { $0 + $1.drafts.count } + context.clusters.count)
        for (position, updates) in perCluster.enumerated() {
            let base = scheduler.steps.count
            for (draft, chained) in zip(updates.drafts, updates.chainedTo) {
                if let chained { draft.predecessors = [base + chained] }
                scheduler.steps.append(draft)
            }
            findings += updates.findings
            if let need = updates.patchNeed {
                patchUpgradeForImages(context.clusters[position], need: need, scheduler: scheduler, context: context, findings: &findings)
            }
        }
    }

    /// One cluster's part of `addImageUpdates`: reads the schedule, changes nothing.
    static func imageUpdates(of cluster: WorkloadCluster, scheduler: StepScheduler, context: PlanningContext,
                             decisions: [String: PlatformDecision], texts: ImageTexts) -> ImageUpdates {
        var result = ImageUpdates()
        let engine = context.engine
        if context.cannotBeUpdated(cluster) { return result }
        let placed = scheduler.placedSteps(ofCluster: cluster.name)
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
            var bringing: StepDraft?
            for step in placed where step.imageChanges.contains(where: { $0.nodePool == pool.name }) {
                let start = step.start ?? Instant(minutesSinceEpoch: 0)
                if bringing.map({ start < ($0.start ?? Instant(minutesSinceEpoch: 0)) }) ?? true { bringing = step }
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
                    result.findings.append(Finding(.warning, code: "nothing-to-fix-with", subject: "cluster/\(cluster.name)",
                                            message: "node pool \(pool.name) of cluster \(cluster.name) needs a newer \(pool.imageFamily.name) image by \(imageDue.date) (\(imageDue.reason)), but no catalog has one for Kubernetes \(pool.kubernetesVersion) within the horizon.",
                                            position: pool.position))
                }
                continue
            }
            let current = pool.nodeImage
            guard imageOnly else {
                if result.patchNeed.map({ imageDue.date < $0.due }) ?? true { result.patchNeed = (imageDue.date, "node pool \(pool.name) needs image \(family[imageIndex].version) by \(imageDue.date) (\(imageDue.reason))") }
                continue
            }
            let draft = StepDraft(kind: .nodeImageUpdate, cluster: cluster.name, management: cluster.managementCluster?.name,
                                  pool: pool.name, sequence: 1000 + placed.count, ringIndex: ring,
                                  from: current.text, estimatedMinutes: context.roll(pool))
            draft.targetImageVersion = family[imageIndex].version
            draft.poolIndex = poolIndex
            draft.to = family[imageIndex].version.text
            draft.availableFrom = family[imageIndex].released
            draft.due = imageDue.date
            draft.dueReason = imageDue.reason
            draft.reasons = ["node image: \(imageDue.reason)"]
            draft.fixes = fixes.sorted()
            draft.securityFix = !fixes.isEmpty
            draft.mustEndBefore = bringing?.start
            draft.blockedReason = blockedReason
            result.drafts.append(draft)
            result.chainedTo.append(nil)
            // With no Kubernetes step bringing images, the new image ages too: each further refresh
            // the horizon needs follows the one before it.
            guard bringing == nil else { continue }
            var previous = (index: result.drafts.count - 1, image: imageIndex)
            while true {
                let previousImage = family[previous.image]
                let refresh = texts.refresh(after: previousImage)
                let nextDue = refresh.due
                guard nextDue <= context.horizonEnd else { break }
                let later = newer.filter { previousImage.version < family[$0].version }
                guard let nextIndex = later.last(where: { family[$0].released < nextDue }) ?? later.first else { break }
                let nextImage = family[nextIndex]
                let next = draft.copy()
                next.sequence = draft.sequence + 1
                next.from = previousImage.version.text
                next.targetImageVersion = nextImage.version
                next.to = nextImage.version.text
                next.availableFrom = nextImage.released
                next.due = nextDue
                next.dueReason = refresh.reason
                next.reasons = refresh.reasons
                next.fixes = []
                next.securityFix = false
                next.predecessors = []
                result.drafts.append(next)
                result.chainedTo.append(previous.index)
                previous = (result.drafts.count - 1, nextIndex)
            }
        }
        return result
    }

    /// Where the platform updates node images only with a Kubernetes change (AKS Arc), a pool whose
    /// image is due gets a patch upgrade of its cluster that brings new images, when a newer patch of
    /// the cluster's minor is offered; otherwise a warning says what is missing.
    static func patchUpgradeForImages(_ cluster: WorkloadCluster, need: (due: CalendarDate, reason: String), scheduler: StepScheduler,
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
            findings.append(Finding(.warning, code: "image-needs-kubernetes-upgrade", subject: "cluster/\(cluster.name)",
                                    message: "cluster \(cluster.name): \(need.reason); its platform updates node images only with a Kubernetes upgrade, and no newer \(current.minorVersion) patch offered within the horizon brings a newer image.",
                                    position: cluster.position))
            return
        }
        let lockstepMinutes = context.policy.durations.controlPlane.minutes + cluster.nodePools.map(context.roll).reduce(0, +)
        let draft = StepDraft(kind: .kubernetesUpgrade, cluster: cluster.name, management: cluster.managementCluster?.name,
                              sequence: 2000, ringIndex: context.ring(of: cluster), from: current.description, estimatedMinutes: lockstepMinutes)
        draft.targetMinor = current.minorVersion
        draft.isPatchUpgrade = true
        draft.movesControlPlane = true
        draft.movedPools = cluster.nodePools.map(\.name)
        draft.due = need.due
        draft.dueReason = need.reason
        draft.reasons = ["node images: \(need.reason); the platform updates node images only with a Kubernetes upgrade, so a patch upgrade brings them"]
        // After the cluster's own steps and the platform update that offers the patch.
        draft.predecessors = scheduler.placedIndices(ofCluster: cluster.name).suffix(1)
            + scheduler.placedIndices(ofManagement: management).filter { scheduler.steps[$0].kind == .platformUpdate }.suffix(1)
        scheduler.steps.append(draft)
    }

    // MARK: Certificates (planning.md 2, "Nothing to fix it with")

    /// When no platform update renews a management cluster's certificates before they expire, a
    /// rotation goes in the last occurrence of its window that ends at least 7 days before the expiry;
    /// each renewal restarts the clock, so a long horizon may hold several.
    static func addCertificateRotations(_ scheduler: StepScheduler, context: PlanningContext) {
        for management in context.engine.inputs.managementClusters.sorted(by: { UTF8Order.precedes($0.name, $1.name) }) {
            guard let lastUpdated = management.lastUpdated, let timeline = context.timeline(of: management) else { continue }
            let validity = timeline.rules.certificateValidity.days
            var expiry = lastUpdated.adding(days: validity)
            let updates = scheduler.platformUpdates(of: management.name).sorted { $0.end < $1.end }
            var earliest = Instant(startOf: context.asOf)
            var guardCount = 0
            while expiry <= context.horizonEnd && guardCount < 100 {
                guardCount += 1
                if let renewal = updates.first(where: { $0.end > earliest && $0.end < Instant(startOf: expiry) }) {
                    expiry = renewal.end.utcDate.adding(days: validity)
                    earliest = renewal.end
                    continue
                }
                let draft = StepDraft(kind: .certificateRotation, cluster: nil, management: management.name, sequence: 500 + guardCount,
                                      ringIndex: -1, from: expiry.description, estimatedMinutes: context.policy.durations.controlPlane.minutes)
                draft.due = expiry
                draft.dueReason = "certificates expire \(validity) days after the last renewal, on \(expiry)"
                draft.reasons = ["no platform update renews the certificates of \(management.name) before \(expiry) (Update-AksHciCertificates)"]
                scheduler.steps.append(draft)
                let index = scheduler.steps.count - 1
                let deadline = Instant(startOf: expiry.adding(days: -7))
                if let slot = scheduler.latestSlot(index, endingBy: deadline, earliest: earliest) {
                    scheduler.commitFixed(index, slot: slot)
                } else {
                    scheduler.run()
                }
                let placed = scheduler.steps[index]
                guard let end = placed.end else { break }
                let renewed = end.utcDate.adding(days: validity)
                scheduler.steps[index].to = renewed.description
                expiry = renewed
                earliest = end
            }
        }
    }

    // MARK: Findings

    /// The support findings a plan carries: what no step can fix or what the operator must do by hand.
    static func supportFindings(_ context: PlanningContext) -> [Finding] {
        context.engine.planningFindings(on: context.asOf)
    }

    /// Advisories a cluster is exposed to, with a fix, that no planned step fixes.
    static func advisoryGaps(_ steps: [StepDraft], context: PlanningContext, reported: [Finding]) -> [Finding] {
        var findings: [Finding] = []
        var fixedBy: [String: Set<String>] = [:]
        for step in steps where !step.fixes.isEmpty {
            if let cluster = step.cluster { fixedBy[cluster, default: []].formUnion(step.fixes) }
        }
        var reportedBy: [String: [String]] = [:]
        for finding in reported { reportedBy[finding.subject, default: []].append(finding.message) }
        for cluster in context.clusters {
            if context.cannotBeUpdated(cluster) { continue }
            let fixed = fixedBy[cluster.name] ?? []
            let messages = reportedBy["cluster/\(cluster.name)"] ?? []
            for exposure in AdvisoryExposureRule.clusterExposures(cluster, advisories: context.engine.inputs.advisories, policy: context.policy)
            where !exposure.unfixed && !fixed.contains(exposure.advisoryID)
                && !messages.contains(where: { $0.contains(exposure.advisoryID) }) {
                findings.append(Finding(.warning, code: "nothing-to-fix-with", subject: "cluster/\(cluster.name)",
                                        message: "cluster \(cluster.name) is exposed to \(exposure.advisoryID) (due \(exposure.due?.description ?? "no date")), but no version offered to it within the horizon fixes it.",
                                        position: cluster.position))
            }
        }
        return findings
    }

    // MARK: Finishing: ids, order, explanations

    static func finish(_ scheduler: StepScheduler, context: PlanningContext,
                       findings: inout [Finding]) -> (steps: [PlanStep], placedByCluster: [[Int]]) {
        let drafts = scheduler.steps
        let sharedDrafts = Unshared(drafts)
        // Each draft's id and sort keys, read in one pass over the drafts on every core.
        let keyed = ParallelChunks.map(drafts.count) { range in
            range.map { index in
                let draft = sharedDrafts.value[index]
                return (id: stepID(draft), start: draft.start?.minutesSinceEpoch, due: draft.due?.daysSinceEpoch, kept: !draft.dropped)
            }
        }
        var ids = keyed.map(\.id)
        let slash = UInt8(ascii: "/")
        let namesWithSlash = context.clusters.contains { $0.name.utf8.contains(slash) }
            || context.engine.inputs.managementClusters.contains { $0.name.utf8.contains(slash) }
        numberRepeatedIDs(&ids, subjects: namesWithSlash ? nil : scheduler.subjectNumbers(ofSteps: drafts.count))
        PhaseClock.mark("step ids")
        // Plan order (planning.md 5): placed steps by start, then id; then the others by due, then id.
        // The keys are read once: comparisons then touch no step.
        let kept = keyed.indices.filter { keyed[$0].kept }
        let starts = keyed.map(\.start)
        let dues = keyed.map(\.due)
        // Read through buffer pointers: copying an array (or an id) at each comparison would touch
        // reference counts both threads share.
        let order = starts.withUnsafeBufferPointer { starts in
            dues.withUnsafeBufferPointer { dues in
                ids.withUnsafeBufferPointer { ids in
                    let keys = Unshared((starts: starts, dues: dues, ids: ids))
                    return ParallelSort.sorted(kept) { a, b in
                        let (starts, dues, ids) = keys.value
                        switch (starts[a], starts[b]) {
                        case let (l?, r?): return l != r ? l < r : UTF8Order.precedes(ids[a], ids[b])
                        case (.some, nil): return true
                        case (nil, .some): return false
                        case (nil, nil):
                            switch (dues[a], dues[b]) {
                            case let (l?, r?) where l != r: return l < r
                            case (.some, nil): return true
                            case (nil, .some): return false
                            default: return UTF8Order.precedes(ids[a], ids[b])
                            }
                        }
                    }
                }
            }
        }
        PhaseClock.mark("plan order")
        // Each step and its findings are built on their own: on every core at once.
        struct Built {
            var steps: [PlanStep] = []
            var findings: [Finding] = []
            /// (cluster position, plan position) of each placed workload step.
            var placed: [(cluster: Int, position: Int)] = []
        }
        let shared = Unshared((drafts: drafts, ids: ids, soakAfter: scheduler.soakAfter, context: context,
                               clusterOfStep: scheduler.clusterPositions(ofSteps: drafts.count)))
        let chunks = ParallelChunks.map(order.count) { range -> [Built] in
            let (drafts, ids, soakAfter, context, clusterOfStep) = shared.value
            var built = Built()
            built.steps.reserveCapacity(range.count)
            for position in range {
                let index = order[position]
                let draft = drafts[index]
                var after = draft.predecessors.map { ids[$0] }
                if let soak = soakAfter[index] { after.append(ids[soak]) }
                if after.count > 1 { after = Set(after).sorted(by: UTF8Order.precedes) }
                var reasons = draft.reasons
                if let reason = draft.blockedReason, draft.status != .scheduled && draft.status != .late { reasons.append(reason) }
                let step = PlanStep(id: ids[index], kind: draft.kind, cluster: draft.cluster,
                                    managementCluster: draft.cluster == nil ? draft.management : nil, nodePool: draft.pool,
                                    from: draft.from, to: draft.to, occurrence: draft.occurrence, start: draft.start, end: draft.end,
                                    estimatedMinutes: draft.estimatedMinutes, due: draft.due, dueReason: draft.dueReason,
                                    status: draft.status, after: after, reasons: reasons,
                                    fixes: draft.fixes.count > 1 ? draft.fixes.sorted() : draft.fixes,
                                    knownIssues: draft.knownIssues.count > 1 ? draft.knownIssues.sorted() : draft.knownIssues,
                                    nodeImages: draft.imageChanges, order: position + 1)
                built.steps.append(step)
                let cluster = index < clusterOfStep.count ? clusterOfStep[index] : nil
                built.findings += stepFindings(step, draft: draft, clusterPosition: cluster, context: context)
                if draft.start != nil, let cluster { built.placed.append((cluster, position)) }
            }
            return [built]
        }
        PhaseClock.mark("step records")
        // Each cluster's placed steps, in plan order, for its summary row.
        var placedByCluster = [[Int]](repeating: [], count: context.clusters.count)
        for chunk in chunks {
            for (cluster, position) in chunk.placed { placedByCluster[cluster].append(position) }
            findings += chunk.findings
        }
        return (chunks.flatMap(\.steps), placedByCluster)
    }

    /// An id given twice gets -2, -3… in draft order. An id starts with its subject's name and then
    /// says its kind (`/kubernetes/`, `/pool/` for a workload cluster; `/platform/`, `/certificates/`
    /// for a management cluster), so when no name holds a `/`, two steps of different subjects never
    /// share an id: repeats are then looked for within each subject (`subjects`: each id's subject
    /// number), the subjects spread over the cores. Without `subjects`, over all ids at once.
    static func numberRepeatedIDs(_ ids: inout [String], subjects: [Int]?) {
        guard let subjects, subjects.count == ids.count else {
            var seen = Set<String>(minimumCapacity: ids.count)
            var repeats: [String: Int] = [:]
            for index in ids.indices where !seen.insert(ids[index]).inserted {
                let count = (repeats[ids[index]] ?? 1) + 1
                repeats[ids[index]] = count
                ids[index] += "-\(count)"
            }
            return
        }
        var bySubject = [[Int]](repeating: [], count: (subjects.max() ?? -1) + 1)
        for (index, subject) in subjects.enumerated() { bySubject[subject].append(index) }
        let groups = bySubject.filter { $0.count > 1 }
        let shared = Unshared(ids)
        let renamed = ParallelChunks.map(groups.count, minimum: 256) { range -> [(index: Int, count: Int)] in
            var found: [(index: Int, count: Int)] = []
            for group in groups[range] {
                for (position, index) in group.enumerated() {
                    let earlier = group[..<position].count { shared.value[$0] == shared.value[index] }
                    if earlier > 0 { found.append((index, earlier + 1)) }
                }
            }
            return found
        }
        for (index, count) in renamed { ids[index] += "-\(count)" }
    }

    /// `payments-prod/kubernetes/1.27.9`, `payments-prod/pool/win/image/20348.2582.240710`,
    /// `mgmt-east/platform/1.0.24.10106`, `mgmt-east/certificates/2024-09-14` (before repeats are numbered).
    static func stepID(_ draft: StepDraft) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
        switch draft.kind {
        case .platformUpdate: add(draft.management ?? ""); add("/platform/"); add(draft.to)
        case .certificateRotation: add(draft.management ?? ""); add("/certificates/"); add(draft.start?.utcDate.description ?? draft.from)
        case .kubernetesUpgrade: add(draft.cluster ?? ""); add("/kubernetes/"); add(draft.to)
        case .nodePoolUpgrade: add(draft.cluster ?? ""); add("/pool/"); add(draft.pool ?? ""); add("/kubernetes/"); add(draft.to)
        case .nodeImageUpdate: add(draft.cluster ?? ""); add("/pool/"); add(draft.pool ?? ""); add("/image/"); add(draft.to)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Late, blocked and unschedulable steps explain themselves as findings on their subject.
    /// `clusterPosition`: the step's cluster in `context.clusters`, when the caller knows it.
    static func stepFindings(_ step: PlanStep, draft: StepDraft, clusterPosition: Int? = nil, context: PlanningContext) -> [Finding] {
        guard step.status != .scheduled else { return [] }
        let cluster = clusterPosition ?? step.cluster.flatMap { context.clusterIndex[$0] }
        let position: SourcePosition? = cluster.map { context.clusters[$0].position }
            ?? step.managementCluster.flatMap { context.engine.managementClusters[$0]?.position }
        let window = cluster.flatMap { context.clusters[$0].window?.name }
            ?? step.managementCluster.flatMap { context.engine.managementClusters[$0]?.window?.name } ?? "its window"
        switch step.status {
        case .scheduled:
            return []
        case .late:
            return [Finding(.error, code: "step-late", subject: step.subject,
                            message: "\(step.id) ends on \(step.end?.description ?? "?"), after its due date \(step.due?.description ?? "?") (\(step.dueReason ?? "")); an earlier, longer or extra occurrence of window \(window) would make it on time.",
                            position: position)]
        case .unschedulable:
            return [Finding(.error, code: "step-unschedulable", subject: step.subject,
                            message: "\(step.id) cannot be scheduled: \(draft.blockedReason ?? "no slot"); a longer or extra occurrence of window \(window) would make room.",
                            position: position)]
        case .blocked:
            return [Finding(.warning, code: "step-blocked", subject: step.subject,
                            message: "\(step.id) is blocked: \(draft.blockedReason ?? "it waits for a step with no slot")\(step.due.map { "; it is due \($0)" } ?? "").",
                            position: position)]
        }
    }

    /// What a cluster's row says before any step: its versions as written and until when it is
    /// supported (worked out while the plan is scheduled).
    struct ClusterRowStart: Sendable {
        var current: String
        var supportedUntil: CalendarDate?
        var supportReasons: [String]
        var poolVersions: [String]

        init(_ engine: SupportEngine, _ cluster: WorkloadCluster) {
            current = cluster.kubernetesVersion.description
            let support = engine.clusterSupport(cluster)
            supportedUntil = support.supportedUntil
            supportReasons = support.reasons
            poolVersions = cluster.nodePools.map(\.kubernetesVersion.description)
        }
    }

    /// `placedByCluster`: the positions in `steps` of each cluster's placed steps, in plan order.
    static func summaries(_ context: PlanningContext, steps: [PlanStep], placedByCluster: [[Int]], starts: [ClusterRowStart]) -> [Plan.ClusterSummary] {
        let shared = Unshared(context)
        return ParallelChunks.map(context.clusters.count) { range in
            let context = shared.value
            return range.map { summary(of: context.clusters[$0], start: starts[$0], steps: steps, own: placedByCluster[$0], context: context) }
        }
    }

    /// One cluster's row: where its placed steps (`own`, in plan order) leave it.
    static func summary(of cluster: WorkloadCluster, start: ClusterRowStart, steps: [PlanStep], own: [Int], context: PlanningContext) -> Plan.ClusterSummary {
        let finalVersion = own.last { steps[$0].kind == .kubernetesUpgrade }.map { steps[$0].to } ?? start.current
        let lockstep = context.policy.workerUpgrades == .lockstep
        let pools = cluster.nodePools.enumerated().map { position, pool -> (name: String, current: String, target: String, image: String, targetImage: String) in
            let current = position < start.poolVersions.count ? start.poolVersions[position] : pool.kubernetesVersion.description
            var version = current
            var image = pool.nodeImage.text
            for index in own {
                let step = steps[index]
                if step.kind == .nodeImageUpdate {
                    if step.nodePool == pool.name { image = step.to }
                    continue
                }
                if step.nodePool == pool.name || (step.kind == .kubernetesUpgrade && lockstep) { version = step.to }
                if let change = step.nodeImages.last(where: { $0.nodePool == pool.name }) { image = change.to }
            }
            return (pool.name, current, version, pool.nodeImage.text, image)
        }
        return Plan.ClusterSummary(name: cluster.name, current: start.current, target: finalVersion,
                                   supportedUntil: start.supportedUntil, supportReasons: start.supportReasons, nodePools: pools)
    }
}
