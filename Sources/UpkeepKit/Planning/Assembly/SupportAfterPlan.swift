/// Planning.md, "Support through the horizon": each subject's support from `--as-of` to the horizon's end as
/// the plan's placed steps leave it, and a finding for every day it would be out of support that no step covers.
///
/// A subject (management cluster, workload cluster, node pool) goes through states: where it starts, then after
/// each placed step that changes it (a platform update or certificate rotation; a control-plane upgrade; a pool's
/// version or image), each state lasting until the day the next such step ends (the step runs during that day),
/// the last until the horizon's end. `SupportGaps` finds the days out of support no step covers.
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
        var running: Running
    }

    /// What a subject runs in a state; written out only for a finding.
    enum Running: Equatable {
        case release(platform: String, PlatformVersion)
        case kubernetes(KubernetesVersion)
        case pool(KubernetesVersion, image: NodeImageVersion)

        func write(to text: inout MessageText) {
            switch self {
            case .release(let platform, let version): text.add(platform); text.add(" "); text.add(version.description)
            case .kubernetes(let version): text.add("Kubernetes "); text.add(version.description)
            case .pool(let version, let image): text.add("Kubernetes "); text.add(version.description); text.add(", image "); text.add(image.text)
            }
        }
    }

    /// Pool support by what decides it, for the clusters one thread walks: a large fleet repeats a handful of
    /// (platform, versions, image) combinations, and each verdict spells out its reason.
    struct Memo {
        /// The platform and the image family as one small number (`owners`), so that a lookup hashes numbers only.
        struct Key: Hashable {
            var owner: Int
            var pool: KubernetesVersion
            var controlPlane: KubernetesVersion
            var image: NodeImageVersion

            /// The numbers folded into three words (a hash is asked for 150,000 times in a 10,000-cluster plan, and each
            /// word costs a round of SipHash); a match then compares every field.
            func hash(into hasher: inout Hasher) {
                hasher.combine(owner &* 1_000_003 &+ pool.minor &* 1_009 &+ controlPlane.minor)
                hasher.combine(pool.patch &* 1_000_003 &+ controlPlane.patch)
                hasher.combine(image.fields.reduce(0) { $0 &* 1_000_003 &+ $1 })
            }
        }
        struct Owner: Hashable {
            var platform: String
            var family: String
        }
        var owners: [Owner: Int] = [:]
        var pools: [Key: CombinedSupport] = [:]
        /// Image versions as the steps write them, parsed once.
        var images: [String: NodeImageVersion] = [:]

        mutating func image(_ text: String) -> NodeImageVersion? {
            if let known = images[text] { return known }
            let parsed = NodeImageVersion(parsing: text)
            if let parsed { images[text] = parsed }
            return parsed
        }

        /// The number that stands for a pool's platform and image family in `Key`.
        mutating func owner(platform: String, family: String) -> Int {
            let owner = Owner(platform: platform, family: family)
            if let known = owners[owner] { return known }
            owners[owner] = owners.count
            return owners.count - 1
        }

        /// The support of `cluster`'s pool at `index`, whose platform and family `owner` stands for.
        mutating func poolSupport(at index: Int, of cluster: WorkloadCluster, owner: Int, context: PlanningContext) -> CombinedSupport {
            let key = Key(owner: owner, pool: cluster.nodePools[index].kubernetesVersion, controlPlane: cluster.kubernetesVersion,
                          image: cluster.nodePools[index].nodeImage)
            if let known = pools[key] { return known }
            let support = context.engine.poolSupport(cluster.nodePools[index], of: cluster)
            pools[key] = support
            return support
        }
    }

    /// The management cluster's walk. `steps`: its placed platform updates and certificate rotations; `unplaced`:
    /// whether it has a step without a slot.
    static func management(_ management: ManagementCluster, steps: [PlanStep], unplaced: Bool, context: PlanningContext) -> Walk {
        var state = management
        let platform = management.platform.name
        var states = [State(support: context.engine.managementClusterSupport(state), since: context.asOf, lastDay: context.horizonEnd,
                            closedBy: nil, running: .release(platform: platform, state.version))]
        for step in steps.sorted(by: precedes) {
            guard let end = step.end?.utcDate else { continue }
            if step.kind == .platformUpdate, let version = PlatformVersion(parsing: step.to) { state.version = version }
            state.lastUpdated = end
            close(&states, on: end, by: step, with: State(support: context.engine.managementClusterSupport(state), since: end, lastDay: context.horizonEnd,
                                                            closedBy: nil, running: .release(platform: platform, state.version)))
        }
        let timeline = context.timeline(of: management)
        let explained = context.engine.newerBySubject["management-cluster/\(management.name)"]?.explains ?? []
        let gaps = SupportGaps.gaps(in: states, unplaced: { _ in unplaced }, explained: explained, context: context) { state, verdict in
            SupportGaps.managementCause(verdict, running: state.running, timeline: timeline)
        }
        let subject = "management-cluster/\(management.name)"
        return Walk(start: states[0].support, end: states[states.count - 1].support,
                    findings: gaps.map { $0.finding(subject: subject, name: "management cluster \(management.name)", plural: false, position: management.position) })
    }

    /// The walks of a workload cluster's control plane and of each of its pools, in one pass over its placed
    /// steps (`steps`). The control plane's walk gives the row's support after the plan.
    /// `unplaced`: the cluster's steps without a slot. Any of them accounts for the control plane's gap; a pool's
    /// gap only those that would change the pool (its own steps, or a control-plane upgrade unless the image is
    /// all that is out of support: an upgrade that never runs leaves no image older than it is).
    static func cluster(_ cluster: WorkloadCluster, steps: [PlanStep], unplaced: [PlanStep], memo: inout Memo, context: PlanningContext) -> Walk {
        let lockstep = context.policy.workerUpgrades == .lockstep
        let platform = cluster.managementCluster.flatMap { context.engine.managementClusters[$0.name]?.platform.name } ?? ""
        var state = cluster
        var control = [State(support: context.engine.clusterSupport(state), since: context.asOf, lastDay: context.horizonEnd,
                             closedBy: nil, running: .kubernetes(state.kubernetesVersion))]
        let owners = state.nodePools.map { memo.owner(platform: platform, family: $0.imageFamily.name) }
        var pools = state.nodePools.indices.map { index in
            var states: [State] = []
            states.reserveCapacity(steps.count + 1)  // at most one state per step, after the start
            states.append(State(support: memo.poolSupport(at: index, of: state, owner: owners[index], context: context), since: context.asOf,
                                lastDay: context.horizonEnd, closedBy: nil,
                                running: .pool(state.nodePools[index].kubernetesVersion, image: state.nodePools[index].nodeImage)))
            return states
        }
        var changed: [Int] = []  // the pools a step changes, reused from step to step
        changed.reserveCapacity(state.nodePools.count)
        for step in steps.sorted(by: precedes) {
            guard let end = step.end?.utcDate else { continue }
            let version = step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade ? KubernetesVersion(parsing: step.to) : nil
            if step.kind == .kubernetesUpgrade, let version { state.kubernetesVersion = version }
            changed.removeAll(keepingCapacity: true)
            for index in state.nodePools.indices {
                let name = state.nodePools[index].name
                // A control-plane upgrade changes every pool's support (the kubelet skew), moved or not.
                var moved = step.kind == .kubernetesUpgrade
                if !step.nodeImages.isEmpty, let change = step.nodeImages.last(where: { $0.nodePool == name }), let image = memo.image(change.to) {
                    state.nodePools[index].nodeImage = image
                    moved = true
                }
                if let version, (step.kind == .kubernetesUpgrade && lockstep) || (step.kind == .nodePoolUpgrade && step.nodePool == name) {
                    state.nodePools[index].kubernetesVersion = version
                    moved = true
                }
                if step.kind == .nodeImageUpdate, step.nodePool == name, let image = memo.image(step.to) {
                    state.nodePools[index].nodeImage = image
                    moved = true
                }
                if moved { changed.append(index) }
            }
            if step.kind == .kubernetesUpgrade {
                close(&control, on: end, by: step, with: State(support: context.engine.clusterSupport(state), since: end, lastDay: context.horizonEnd,
                                                               closedBy: nil, running: .kubernetes(state.kubernetesVersion)))
            }
            for index in changed {
                close(&pools[index], on: end, by: step, with: State(support: memo.poolSupport(at: index, of: state, owner: owners[index], context: context), since: end,
                                                                    lastDay: context.horizonEnd, closedBy: nil,
                                                                    running: .pool(state.nodePools[index].kubernetesVersion, image: state.nodePools[index].nodeImage)))
            }
        }
        let subject = "cluster/\(cluster.name)"
        let newer = context.engine.newerBySubject
        var findings = SupportGaps.gaps(in: control, unplaced: { _ in !unplaced.isEmpty }, explained: newer[subject]?.explains ?? [], context: context) {
            SupportGaps.kubernetesCause($1)
        }
            .map { $0.finding(subject: subject, name: "cluster \(cluster.name)", plural: false, position: cluster.position) }
        var poolGaps: [SupportGaps.Gap] = [], gapPools: [Int] = []
        for (index, states) in pools.enumerated() {
            // Nothing to walk when the pool's only state is supported through the horizon.
            if states.count == 1, states[0].support.supportedUntil.map({ $0 > context.horizonEnd }) ?? true { continue }
            let name = cluster.nodePools[index].name
            let accounts = { (support: CombinedSupport) in
                let image = support.verdicts.allSatisfy { verdict in
                    verdict.isSupported(on: context.horizonEnd) || verdict.rule == .nodeImageAge || verdict.rule == .imageFamilyEndOfLife
                }
                return unplaced.contains { step in
                    step.nodePool == name || step.nodeImages.contains { $0.nodePool == name } || (step.kind == .kubernetesUpgrade && !image)
                }
            }
            let gaps = SupportGaps.gaps(in: states, unplaced: accounts, explained: newer["\(subject)/pool/\(name)"]?.explains ?? [], context: context) {
                SupportGaps.kubernetesCause($1)
            }
            for gap in gaps {
                poolGaps.append(gap)
                gapPools.append(index)
            }
        }
        findings += SupportGaps.merged(poolGaps, pools: gapPools, of: cluster)
        return Walk(start: control[0].support, end: control[control.count - 1].support, findings: findings)
    }

    /// Ends the subject's current state on `day`, closed by `step`, and starts `next`.
    static func close(_ states: inout [State], on day: CalendarDate, by step: PlanStep, with next: State) {
        states[states.count - 1].lastDay = day
        states[states.count - 1].closedBy = step
        states.append(next)
    }

    /// By end, then plan order.
    static func precedes(_ a: PlanStep, _ b: PlanStep) -> Bool {
        switch (a.end, b.end) {
        case (let x?, let y?) where x != y: return x < y
        default: return a.order < b.order
        }
    }
}
