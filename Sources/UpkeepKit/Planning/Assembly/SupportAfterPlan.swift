/// Planning.md, "Support through the horizon": each subject's support from `--as-of` to the horizon's end as
/// the plan's placed steps leave it, and a finding for every day it would be out of support that no step covers.
///
/// A subject (management cluster, workload cluster, node pool) goes through states: where it starts, then after
/// each placed step that changes it (a platform update or certificate rotation; a control-plane upgrade; a pool's
/// version or image), each state lasting until the day the next such step ends (the step runs during that day),
/// the last until the horizon's end. A state whose support ends on or before its last day leaves a gap. The gap is
/// covered when the step that ends it is late (`step-late`), when the subject has a step without a slot
/// (`step-blocked`, `step-unschedulable`), or when its rule is one the operator acts on (a stopped cluster, a
/// suspended subscription: findings of their own). Every other gap is a `support-gap-*` error naming the subject,
/// the day support ends, the rule that ends it and why no step fixes it.
enum SupportAfterPlan {
    /// One subject's walk: its support at the start and after the plan, and its uncovered gaps.
    struct Walk {
        var start: CombinedSupport
        var end: CombinedSupport
        var findings: [Finding]
    }

    /// A state of a subject and the last day it lasts.
    struct State {
        var support: CombinedSupport
        var since: CalendarDate
        var lastDay: CalendarDate
        /// The step whose end closes the state (nil for the last state).
        var closedBy: PlanStep?
        /// A management cluster's release in this state.
        var release: PlatformVersion? = nil
        /// What the subject runs in this state (`Kubernetes 1.30.9, image 202510.22.0`), made only for a finding.
        var running: @Sendable () -> String = { "" }
    }

    /// Pool support by what decides it, for the clusters one thread walks: a large fleet repeats a handful of
    /// (platform, versions, image) combinations, and each verdict spells out its reason.
    struct Memo {
        struct Key: Hashable {
            var platform: String
            var pool: KubernetesVersion
            var controlPlane: KubernetesVersion
            var family: String
            var image: String
        }
        var pools: [Key: CombinedSupport] = [:]

        mutating func poolSupport(_ pool: NodePool, of cluster: WorkloadCluster, context: PlanningContext) -> CombinedSupport {
            let platform = cluster.managementCluster.flatMap { context.engine.managementClusters[$0.name]?.platform.name } ?? ""
            let key = Key(platform: platform, pool: pool.kubernetesVersion, controlPlane: cluster.kubernetesVersion,
                          family: pool.imageFamily.name, image: pool.nodeImage.text)
            if let known = pools[key] { return known }
            let support = context.engine.poolSupport(pool, of: cluster)
            pools[key] = support
            return support
        }
    }

    /// The management cluster's walk. `steps`: its placed platform updates and certificate rotations; `unplaced`:
    /// whether it has a step without a slot.
    static func management(_ management: ManagementCluster, steps: [PlanStep], unplaced: Bool, context: PlanningContext) -> Walk {
        var state = management
        var states: [State] = []
        var since = context.asOf
        for step in steps.sorted(by: precedes) {
            guard let end = step.end?.utcDate else { continue }
            states.append(State(support: context.engine.managementClusterSupport(state), since: since, lastDay: end, closedBy: step, release: state.version))
            if step.kind == .platformUpdate, let version = PlatformVersion(parsing: step.to) { state.version = version }
            state.lastUpdated = end
            since = end
        }
        states.append(State(support: context.engine.managementClusterSupport(state), since: since, lastDay: context.horizonEnd, closedBy: nil, release: state.version))
        let subject = "management-cluster/\(management.name)"
        let timeline = context.timeline(of: management)
        let platform = management.platform.name
        let findings = gaps(in: states, subject: subject, name: "management cluster \(management.name)",
                            running: { "\(platform) \($0.release?.description ?? "?")" }, unplaced: unplaced, position: management.position,
                            cause: { managementCause($1, release: $0.release, timeline: timeline) }, context: context)
        return Walk(start: states[0].support, end: states[states.count - 1].support, findings: findings)
    }

    /// The walks of a workload cluster's control plane and of each of its pools. `steps`: its placed steps.
    static func cluster(_ cluster: WorkloadCluster, steps: [PlanStep], unplaced: Bool, memo: inout Memo, context: PlanningContext) -> Walk {
        let ordered = steps.filter { $0.end != nil }.sorted(by: precedes)
        let lockstep = context.policy.workerUpgrades == .lockstep
        var state = cluster
        // The cluster's state after each step, with the day it took effect.
        var timeline: [(day: CalendarDate, cluster: WorkloadCluster, step: PlanStep?)] = [(context.asOf, cluster, nil)]
        for step in ordered {
            guard let end = step.end?.utcDate else { continue }
            apply(step, to: &state, lockstep: lockstep)
            timeline.append((end, state, step))
        }
        var findings: [Finding] = []
        // The control plane: its states change with the steps that move it.
        let moves = timeline.indices.filter { $0 == 0 || (timeline[$0].step.map { $0.kind == .kubernetesUpgrade } ?? false) }
        let controlStates = moves.enumerated().map { offset, index -> State in
            let next = offset + 1 < moves.count ? moves[offset + 1] : nil
            return State(support: context.engine.clusterSupport(timeline[index].cluster), since: timeline[index].day,
                         lastDay: next.map { timeline[$0].day } ?? context.horizonEnd, closedBy: next.flatMap { timeline[$0].step },
                         running: { [version = timeline[index].cluster.kubernetesVersion] in "Kubernetes \(version)" })
        }
        let subject = "cluster/\(cluster.name)"
        findings += gaps(in: controlStates, subject: subject, name: "cluster \(cluster.name)", running: { $0.running() },
                         unplaced: unplaced, position: cluster.position, cause: { kubernetesCause($1) }, context: context)
        var poolGaps: [(pool: String, finding: Finding)] = []
        for (position, pool) in cluster.nodePools.enumerated() {
            let poolChanges = timeline.indices.filter { index in index == 0 || (timeline[index].step.map { changes($0, pool: pool.name, lockstep: lockstep) } ?? false) }
            var states: [State] = []
            for (offset, index) in poolChanges.enumerated() {
                let next = offset + 1 < poolChanges.count ? poolChanges[offset + 1] : nil
                let current = timeline[index].cluster
                guard position < current.nodePools.count else { continue }
                let state = current.nodePools[position]
                states.append(State(support: memo.poolSupport(state, of: current, context: context), since: timeline[index].day,
                                    lastDay: next.map { timeline[$0].day } ?? context.horizonEnd, closedBy: next.flatMap { timeline[$0].step },
                                    running: { "Kubernetes \(state.kubernetesVersion), image \(state.nodeImage.text)" }))
            }
            // Nothing to walk when the pool's only state is supported through the horizon.
            if states.count == 1, states[0].support.supportedUntil.map({ $0 > context.horizonEnd }) ?? true { continue }
            for finding in gaps(in: states, subject: "\(subject)/pool/\(pool.name)", name: Self.poolPlaceholder,
                                running: { $0.running() }, unplaced: unplaced, position: pool.position, cause: { kubernetesCause($1) }, context: context) {
                poolGaps.append((pool.name, finding))
            }
        }
        findings += merged(poolGaps, cluster: cluster.name)
        return Walk(start: controlStates[0].support, end: controlStates[controlStates.count - 1].support, findings: findings)
    }

    /// The findings for a subject's states: a gap opens on the first day a state is out of support (on or before
    /// its last day) and lasts until a state that is supported on the day it begins. The step that closes it covers
    /// it when late; a gap no step closes is covered by a step of the subject without a slot, or by a finding of the
    /// operator's own (a stopped cluster, a suspended subscription); otherwise it is a finding.
    static func gaps(in states: [State], subject: String, name: String, running: (State) -> String, unplaced: Bool, position: SourcePosition?,
                     cause: (State, SupportVerdict) -> (code: String, why: String), context: PlanningContext) -> [Finding] {
        var findings: [Finding] = []
        var open: (first: CalendarDate, state: State, verdict: SupportVerdict)?
        for (index, state) in states.enumerated() {
            let begins = index == 0 ? context.asOf : state.since
            if let gap = open, state.support.isSupported(on: begins) {
                // Closed by the step that ended the state before.
                if let step = states[index - 1].closedBy, step.status != .late, !operatorActs(gap.verdict) {
                    findings.append(Finding(.error, code: "support-gap-unplanned", subject: subject,
                                            message: "\(name) is out of support from \(gap.first) (\(gap.verdict.reason)) running \(running(gap.state)) until \(step.id) ends on \(state.since), though that step is due \(step.due?.description ?? "on no date") and is not late: nothing in the plan was due by \(gap.first).",
                                            position: position))
                }
                open = nil
            }
            guard open == nil, let end = state.support.supportedUntil else { continue }
            let first = index == 0 ? end : max(end, state.since)
            guard first <= state.lastDay, first <= context.horizonEnd, let verdict = state.support.orderedVerdicts.first else { continue }
            open = (first, state, verdict)
        }
        if let gap = open, !unplaced, !operatorActs(gap.verdict), let last = states.last {
            // The cause is the rule that still holds where the plan's steps leave the subject.
            let verdict = last.support.orderedVerdicts.first { !$0.isSupported(on: context.horizonEnd) } ?? gap.verdict
            let (code, why) = cause(last, verdict)
            let when = gap.first <= context.asOf ? "has been out of support since \(gap.first)" : "is out of support from \(gap.first)"
            let after = last.since == gap.state.since ? "running \(running(last))"
                : "and is still out of support where the plan's steps leave it, running \(running(last)) (\(verdict.reason))"
            findings.append(Finding(.error, code: code, subject: subject,
                                    message: "\(name) \(when) (\(gap.verdict.reason)) \(after), and no step of the plan fixes it within the horizon: \(why).",
                                    position: position))
        }
        return findings
    }

    /// Stands for the pool's name in a pool's gap finding until the pools with the same gap are merged.
    static let poolPlaceholder = "\u{1}pools\u{1}"

    /// One finding per gap the cluster's pools share (same cause, day, rule and state): `node pools a, b and c of
    /// cluster X`, its subject the cluster, or the pool's own subject when only one pool has it. A fleet's pools
    /// mostly run the same image, and one line per pool would bury the rest.
    static func merged(_ gaps: [(pool: String, finding: Finding)], cluster: String) -> [Finding] {
        var groups: [(finding: Finding, pools: [String])] = []
        for gap in gaps {
            if let index = groups.firstIndex(where: { $0.finding.code == gap.finding.code && $0.finding.message == gap.finding.message }) {
                groups[index].pools.append(gap.pool)
            } else {
                groups.append((gap.finding, [gap.pool]))
            }
        }
        return groups.map { group in
            var finding = group.finding
            let names = group.pools.count == 1 ? "node pool \(group.pools[0])" : "node pools \(group.pools.joined(separator: ", "))"
            var message = finding.message
            if group.pools.count > 1 {
                finding.subject = "cluster/\(cluster)"
                // The verbs that follow the name, in the only places gaps(in:) writes them.
                for (singular, plural) in [(" is out of support from", " are out of support from"), (" has been out of support since", " have been out of support since")]
                where message.hasPrefix(poolPlaceholder + singular) {
                    message = poolPlaceholder + plural + message.dropFirst(poolPlaceholder.count + singular.count)
                }
                message = message.replacingEvery(" and is still out of support where the plan's steps leave it", with: " and are still out of support where the plan's steps leave it")
            }
            finding.message = message.replacingEvery(poolPlaceholder, with: "\(names) of cluster \(cluster)")
            return finding
        }
    }

    /// A stopped cluster or a suspended subscription: the operator acts, and their findings say so.
    static func operatorActs(_ verdict: SupportVerdict) -> Bool {
        verdict.rule == .stopped || verdict.rule == .subscription
    }

    /// Why no step moves a management cluster on: no later release, or later ones whose versions are unknown.
    static func managementCause(_ verdict: SupportVerdict, release: PlatformVersion?, timeline: PlatformTimeline?) -> (code: String, why: String) {
        guard verdict.rule == .platformRelease else { return ("support-gap-unplanned", "no step renews it in time") }
        guard let release, let timeline else { return ("support-gap-no-release", "no later release in the feeds can be planned") }
        let unpublished = timeline.unpublishedReleases(newerThan: release)
        if timeline.releases(newerThan: release).isEmpty && !unpublished.isEmpty {
            return ("support-gap-versions-unknown", "later releases exist (\(unpublished.map(\.version.description).joined(separator: ", "))), but no source in the feeds publishes their Kubernetes versions, so none can be planned until the feed gives them")
        }
        if timeline.releases(newerThan: release).isEmpty {
            return ("support-gap-no-release", "no later \(timeline.platform) release is in the feeds")
        }
        return ("support-gap-unplanned", "a later release exists, but no platform update to it is placed in time")
    }

    static func kubernetesCause(_ verdict: SupportVerdict) -> (code: String, why: String) {
        switch verdict.rule {
        case .kubernetesMinor, .kubernetesPatch, .kubernetesEndOfLife:
            return ("support-gap-no-version", "no supported version is offered to it within the horizon")
        case .nodeImageAge, .imageFamilyEndOfLife:
            return ("support-gap-no-image", "no catalog has a newer image for it within the horizon")
        default:
            return ("support-gap-unplanned", "no step of the plan moves it in time")
        }
    }

    // MARK: Steps

    /// By end, then plan order.
    static func precedes(_ a: PlanStep, _ b: PlanStep) -> Bool {
        switch (a.end, b.end) {
        case (let x?, let y?) where x != y: return x < y
        default: return a.order < b.order
        }
    }

    static func apply(_ step: PlanStep, to cluster: inout WorkloadCluster, lockstep: Bool) {
        for index in cluster.nodePools.indices {
            let pool = cluster.nodePools[index]
            if let change = step.nodeImages.last(where: { $0.nodePool == pool.name }), let image = NodeImageVersion(parsing: change.to) {
                cluster.nodePools[index].nodeImage = image
            }
            switch step.kind {
            case .kubernetesUpgrade where lockstep:
                if let version = KubernetesVersion(parsing: step.to) { cluster.nodePools[index].kubernetesVersion = version }
            case .nodePoolUpgrade where step.nodePool == pool.name:
                if let version = KubernetesVersion(parsing: step.to) { cluster.nodePools[index].kubernetesVersion = version }
            case .nodeImageUpdate where step.nodePool == pool.name:
                if let image = NodeImageVersion(parsing: step.to) { cluster.nodePools[index].nodeImage = image }
            default: break
            }
        }
        if step.kind == .kubernetesUpgrade, let version = KubernetesVersion(parsing: step.to) { cluster.kubernetesVersion = version }
    }

    static func changes(_ step: PlanStep, pool: String, lockstep: Bool) -> Bool {
        step.nodePool == pool || step.nodeImages.contains { $0.nodePool == pool } || (step.kind == .kubernetesUpgrade && lockstep)
    }

}
