import Testing
@testable import UpkeepKit

/// Planning.md, "Support through the horizon", checked from outside the planner: on every day inside the horizon
/// on which a subject (management cluster, workload cluster, node pool) would be out of support as the plan's placed
/// steps leave it, something in the plan accounts for it — a step of the subject that ends that day, a late, blocked
/// or unschedulable step of the subject, a `support-gap-*` finding naming it, or a finding of the operator's own
/// (a stopped cluster, a suspended subscription). The days looked at are each state's first unsupported day.
enum SupportThroughHorizonCheck {
    static func problems(_ plan: Plan, inputs: InputSet) -> [String] {
        // The facts the plan was made with: those published by its `asOf`.
        let engine = SupportEngine(inputs: inputs, publishedBy: plan.asOf)
        let lockstep = inputs.policy.workerUpgrades == .lockstep
        var problems: [String] = []
        let placed = plan.steps.filter { $0.end != nil }
        /// `touches` narrows a cluster's steps to those that can change the subject (a pool's gap of image age is
        /// not accounted for by a late Kubernetes upgrade that leaves its image as it is).
        func accounted(_ subject: String, cluster: String?, on day: CalendarDate, touches: (PlanStep) -> Bool = { _ in true }) -> Bool {
            let steps = plan.steps.filter { $0.subject == (cluster.map { "cluster/\($0)" } ?? subject) && touches($0) }
            // A step that ends that day, or a late step that ends on or after it, or a step without a slot.
            if steps.contains(where: { step in
                step.end?.utcDate == day || (step.status != .scheduled && (step.end.map { $0.utcDate >= day } ?? true))
            }) { return true }
            // The operator's own facts, and a fleet fact newer than the plan's day (its support is unknown then).
            let operatorCodes = ["cluster-stopped", "stopped-too-long", "subscription-suspended", "fact-newer-than-as-of"]
            // A pool's gap may be named with its cluster's other pools: "node pools a, b of cluster c".
            let pool = subject.split(separator: "/").count == 4 ? subject.split(separator: "/").last.map(String.init) : nil
            let owner = pool.map { _ in "cluster/" + subject.split(separator: "/")[1] }
            return plan.findings.contains { finding in
                (finding.subject == subject && finding.code.hasPrefix("support-gap-"))
                    || (finding.subject == owner && finding.code.hasPrefix("support-gap-") && pool.map { name in
                        finding.message.hasPrefix("node pools ") && (finding.message.contains(" \(name),") || finding.message.contains(" \(name) of cluster"))
                    } ?? false)
                    || (operatorCodes.contains(finding.code) && (finding.subject == subject || cluster.map { finding.subject == "cluster/\($0)" } ?? false))
            }
        }
        func inside(_ day: CalendarDate) -> Bool { plan.asOf <= day && day <= plan.horizonEnd }
        // The first day a state is out of support: its end, or, when it is out from its start, `asOf` for the state
        // the plan starts from and the day after for one a step makes (the step that makes it does not fix it).
        func firstDay(until: CalendarDate, begins: CalendarDate) -> CalendarDate {
            if until > begins { return until }
            return begins <= plan.asOf ? plan.asOf : begins.adding(days: 1)
        }
        // A stopped cluster or a suspended subscription: the operator acts on the findings that say so.
        func operatorActs(_ support: CombinedSupport) -> Bool {
            support.orderedVerdicts.first.map { $0.rule == .stopped || $0.rule == .subscription } ?? false
        }

        for management in inputs.managementClusters {
            let steps = placed.filter { $0.cluster == nil && $0.managementCluster == management.name }
            func state(before day: CalendarDate) -> ManagementCluster {
                var state = management
                for step in steps.sorted(by: SupportAfterPlan.precedes) where (step.end?.utcDate).map({ $0 < day }) ?? false {
                    if step.kind == .platformUpdate, let version = PlatformVersion(parsing: step.to) { state.version = version }
                    state.lastUpdated = step.end?.utcDate
                }
                return state
            }
            let days = [plan.asOf] + steps.compactMap { $0.end?.utcDate }
            let ends = Set(days.compactMap { begins in
                engine.managementClusterSupport(state(before: begins.adding(days: 1))).supportedUntil.map { firstDay(until: $0, begins: begins) }
            })
            for day in ends.sorted() where inside(day) {
                let support = engine.managementClusterSupport(state(before: day))
                if !support.isSupported(on: day) && !operatorActs(support) && !accounted("management-cluster/\(management.name)", cluster: nil, on: day) {
                    problems.append("management cluster \(management.name) is out of support on \(day) (\(support.reasons.first ?? "")) and nothing in the plan accounts for it")
                }
            }
        }

        for cluster in inputs.clusters {
            let steps = placed.filter { $0.cluster == cluster.name }.sorted(by: SupportAfterPlan.precedes)
            func state(before day: CalendarDate) -> WorkloadCluster {
                var state = cluster
                for step in steps where (step.end?.utcDate).map({ $0 < day }) ?? false {
                    for index in state.nodePools.indices {
                        let name = state.nodePools[index].name
                        if let change = step.nodeImages.last(where: { $0.nodePool == name }), let image = NodeImageVersion(parsing: change.to) { state.nodePools[index].nodeImage = image }
                        if (step.kind == .kubernetesUpgrade && lockstep) || (step.kind == .nodePoolUpgrade && step.nodePool == name),
                           let version = KubernetesVersion(parsing: step.to) { state.nodePools[index].kubernetesVersion = version }
                        if step.kind == .nodeImageUpdate, step.nodePool == name, let image = NodeImageVersion(parsing: step.to) { state.nodePools[index].nodeImage = image }
                    }
                    if step.kind == .kubernetesUpgrade, let version = KubernetesVersion(parsing: step.to) { state.kubernetesVersion = version }
                }
                return state
            }
            let days = [plan.asOf] + steps.compactMap { $0.end?.utcDate }
            let states = days.map { state(before: $0.adding(days: 1)) }
            var ends = Set(zip(days, states).compactMap { begins, state in engine.clusterSupport(state).supportedUntil.map { firstDay(until: $0, begins: begins) } })
            for day in ends.sorted() where inside(day) {
                let support = engine.clusterSupport(state(before: day))
                if !support.isSupported(on: day) && !operatorActs(support) && !accounted("cluster/\(cluster.name)", cluster: nil, on: day) {
                    problems.append("cluster \(cluster.name) is out of support on \(day) (\(support.reasons.first ?? "")) and nothing in the plan accounts for it")
                }
            }
            for (position, pool) in cluster.nodePools.enumerated() {
                ends = Set(zip(days, states).compactMap { begins, state in
                    position < state.nodePools.count ? engine.poolSupport(state.nodePools[position], of: state).supportedUntil.map { firstDay(until: $0, begins: begins) } : nil
                })
                for day in ends.sorted() where inside(day) {
                    let current = state(before: day)
                    guard position < current.nodePools.count else { continue }
                    let support = engine.poolSupport(current.nodePools[position], of: current)
                    let subject = "cluster/\(cluster.name)/pool/\(pool.name)"
                    // Only the image out of support where the plan leaves the pool: a control-plane upgrade without a slot
                    // does not account for it (it would leave the image as it is).
                    let final = state(before: plan.horizonEnd.adding(days: 1))
                    let imageGap = position < final.nodePools.count && engine.poolSupport(final.nodePools[position], of: final).verdicts.allSatisfy {
                        $0.isSupported(on: plan.horizonEnd) || $0.rule == .nodeImageAge || $0.rule == .imageFamilyEndOfLife
                    }
                    let touches = { (step: PlanStep) in
                        step.nodePool == pool.name || step.nodeImages.contains { $0.nodePool == pool.name } || (!imageGap && step.kind == .kubernetesUpgrade)
                    }
                    if !support.isSupported(on: day) && !operatorActs(support) && !accounted(subject, cluster: nil, on: day)
                        && !accounted(subject, cluster: cluster.name, on: day, touches: touches) {
                        problems.append("node pool \(pool.name) of cluster \(cluster.name) is out of support on \(day) (\(support.reasons.first ?? "")) and nothing in the plan accounts for it")
                    }
                }
            }
        }
        return problems
    }
}
