/// Makes the plan (planning.md 3–6) in six stages, in this order; each takes the values the earlier ones
/// returned and returns a new value, and none changes what an earlier stage returned:
///
/// 1. targets: each cluster's target (a new `PlanningContext` that holds them);
/// 2. platform decisions: whether and where each management cluster updates;
/// 3. paths: each cluster's step drafts;
/// 4. step graph: the drafts linked, and the decisions a path blocks;
/// 5. schedule: every step placed (Kubernetes and platform steps, then node images, then certificates);
/// 6. plan: ids, order, records, findings and cluster rows.
///
/// `execution` alone decides how the work is spread over the cores; every stage hands it per-item
/// functions that read only what they capture.
struct PlanningPipeline {
    let execution: ExecutionOptions

    func plan(inputs: InputSet, asOf: CalendarDate, horizon: Horizon?, inputFiles: () -> [Plan.InputFile]) -> Plan {
        let base = PlanningContext(inputs: inputs, asOf: asOf, horizon: horizon ?? inputs.policy.horizon)
        let supportFindings = execution.background { base.engine.planningFindings(on: base.asOf) }
        let context = targets(base)
        let decisions = platformDecisions(context)
        execution.phase("cluster targets and platform decisions")
        let paths = self.paths(context, decisions: decisions)
        // Certificates first: expired ones, and ones that lapse before any usual rotation and before a platform
        // update renews them. Whether an update does is known once it is placed: where none does in time, the
        // schedule is made again with that renewal first (rare: a plan of certificates days from expiry).
        var lapses = Self.lapses(context)
        var renewFirst = lapses.filter { name, lapse in
            if case .expired = lapse { return true }
            return !(decisions[name]?.updatePlanned ?? false) || decisions[name]?.blockedReason != nil
        }
        var graph = StepGraph.make(paths: paths, decisions: decisions, context: context, renewFirst: renewFirst)
        execution.phase("cluster paths and the step graph")
        // Platform updates are placed with the Kubernetes steps, before the node image round, and never move after:
        // whether one renews the certificates in time is known then, and only when none does is the schedule made
        // again, from the graph's steps (the image round of the first is never made: 0.4 s of 3.6 on one core for
        // the 10,000-cluster benchmark).
        var scheduler = placeGraphSteps(graph, context: context)
        lapses = lapses.filter { name, lapse in renewFirst[name] == nil && !CertificateRenewal.renewedByUpdate(name, before: lapse.expiry, in: scheduler) }
        if !lapses.isEmpty {
            renewFirst.merge(lapses) { first, _ in first }
            graph = StepGraph.make(paths: paths, decisions: decisions, context: context, renewFirst: renewFirst)
            // The first scheduler is let go before the second is made: the two are never held at once.
            scheduler = StepScheduler(context: context)
            scheduler = placeGraphSteps(graph, context: context)
        }
        let schedule = finishSchedule(consume scheduler, graph: graph, context: context)
        return PlanAssembly(context: context, execution: execution)
            .plan(schedule, earlierFindings: paths.flatMap(\.findings), supportFindings: supportFindings.value, inputFiles: inputFiles)
    }

    /// Each management cluster whose certificates lapse before a usual rotation could renew them, by name.
    static func lapses(_ context: PlanningContext) -> [String: CertificateRenewal.Lapse] {
        var lapses: [String: CertificateRenewal.Lapse] = [:]
        for management in PlanAssembly.uniqueByName(context.engine.inputs.managementClusters) {
            if let lapse = CertificateRenewal.lapse(of: management, context: context) { lapses[management.name] = lapse }
        }
        return lapses
    }

    /// Stage 1: the context with each cluster's target.
    func targets(_ base: PlanningContext) -> PlanningContext {
        base.withTargets(execution.map(base.clusters, minimum: 256) { ClusterTarget.choose(for: $0, context: base) })
    }

    /// Stage 2: each management cluster's decision, by name (none for one whose platform has no feed).
    func platformDecisions(_ context: PlanningContext) -> [String: PlatformDecision] {
        let managements = PlanAssembly.uniqueByName(context.engine.inputs.managementClusters)
        var decisions: [String: PlatformDecision] = [:]
        for (management, decision) in zip(managements, execution.map(managements, minimum: 8) { PlatformPlanner.decide(for: $0, context: context) }) {
            decisions[management.name] = decision
        }
        return decisions
    }

    /// Stage 3: each cluster's path, in cluster order.
    func paths(_ context: PlanningContext, decisions: [String: PlatformDecision]) -> [ClusterPathBuilder.Result] {
        execution.map(context.clusters, minimum: 256) { cluster in
            ClusterPathBuilder(context: context, cluster: cluster, decision: cluster.managementCluster.flatMap { decisions[$0.name] }).build()
        }
    }

    /// Stage 5: the graph's steps placed, then the node image updates their placements leave due, then the
    /// certificate rotations no platform update makes unnecessary.
    func schedule(_ graph: StepGraph, context: PlanningContext) -> Schedule {
        finishSchedule(placeGraphSteps(graph, context: context), graph: graph, context: context)
    }

    /// The graph's steps placed: every Kubernetes and platform step, placed or failed.
    func placeGraphSteps(_ graph: StepGraph, context: PlanningContext) -> StepScheduler {
        var scheduler = StepScheduler(context: context)
        for step in graph.steps { scheduler.add(step) }
        execution.startSideWork()  // scheduling the Kubernetes steps keeps one core busy
        scheduler.run(execution)
        execution.phase("schedule Kubernetes and platform steps")
        return scheduler
    }

    /// The node image updates the placed steps leave due, then the certificate rotations.
    /// `placed` is consumed: its arrays grow in place, not copied.
    func finishSchedule(_ placed: consuming StepScheduler, graph: StepGraph, context: PlanningContext) -> Schedule {
        var scheduler = placed
        let imageNeeds = Self.imageNeeds(placedBy: scheduler, decisions: graph.decisions, context: context, execution: execution)
        execution.phase("node image drafts")
        var imageFindings: [Finding] = []
        NodeImageRound.add(imageNeeds, to: &scheduler, context: context, findings: &imageFindings)
        scheduler.run(execution)
        execution.phase("schedule node image updates")
        let certificateFindings = CertificateRound.add(to: &scheduler, context: context)
        var schedule = scheduler.finish()
        schedule.findings = imageFindings + schedule.findings + certificateFindings
        return schedule
    }

    /// What each cluster's pools need in images, given the Kubernetes and platform steps placed (read on
    /// every core from a copy of the scheduler, which is gone when this returns: the scheduler's arrays are
    /// not copied when it goes on).
    private static func imageNeeds(placedBy scheduler: StepScheduler, decisions: [String: PlatformDecision], context: PlanningContext,
                                   execution: ExecutionOptions) -> [NodeImageRound.Needs] {
        let placements = scheduler.placements
        return execution.chunks(context.clusters.count, minimum: 256) { range in
            var texts = ImageTexts(context: context)
            return range.map { NodeImageRound.needs(of: context.clusters[$0], placed: scheduler.placedPositions(ofCluster: context.clusters[$0].name),
                                                    placements: placements, context: context, decisions: decisions, texts: &texts) }
        }
    }
}
