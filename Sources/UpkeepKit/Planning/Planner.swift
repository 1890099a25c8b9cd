/// Makes the plan (planning.md 3–6) as a pipeline of stages, each handing a value to the next:
/// targets → platform decisions → paths → step graph → schedule (Kubernetes and platform steps, node
/// images, certificates) → plan assembly (ids, order, records, findings, cluster rows).
///
/// This façade alone decides how the work is spread over the cores (through `ExecutionOptions`); every
/// stage handles one item and changes nothing but its result.
public enum Planner {
    /// `inputFiles` is read once the plan is made (the caller may hash the files meanwhile).
    public static func plan(inputs: InputSet, asOf: CalendarDate, horizon: TimeSpan? = nil,
                            inputFiles: () -> [Plan.InputFile] = { [] }, execution: ExecutionOptions = .standard) -> Plan {
        let base = PlanningContext(inputs: inputs, asOf: asOf, horizon: horizon ?? inputs.policy.horizon)
        let supportFindings = execution.background { base.engine.planningFindings(on: base.asOf) }
        let context = base.withTargets(execution.map(base.clusters, minimum: 256) { ClusterTarget.choose(for: $0, context: base) })
        let managements = uniqueByName(context.engine.inputs.managementClusters)
        var decisions: [String: PlatformDecision] = [:]
        for (management, decision) in zip(managements, execution.map(managements, minimum: 8) { PlatformPlanner.decide(for: $0, context: context) }) {
            decisions[management.name] = decision
        }
        execution.phase("cluster targets and platform decisions")

        let paths = execution.map(context.clusters, minimum: 256) { cluster in
            ClusterPathBuilder(context: context, cluster: cluster, decision: cluster.managementCluster.flatMap { decisions[$0.name] }).build()
        }
        var findings = paths.flatMap(\.findings)
        for (cluster, path) in zip(context.clusters, paths) where path.bridgeImpossible {
            if let name = cluster.managementCluster?.name { decisions[name]?.blockedReason = "cluster \(cluster.name) has no path into the target release" }
        }
        let graph = StepGraph.make(paths: paths, decisions: decisions, context: context)
        execution.phase("cluster paths and the step graph")

        let scheduler = StepScheduler(context: context, steps: graph, execution: execution)
        execution.startSideWork()  // scheduling the Kubernetes steps keeps one core busy
        scheduler.run()
        execution.phase("schedule Kubernetes and platform steps")
        let imageNeeds = execution.chunks(context.clusters.count, minimum: 256) { range in
            let texts = ImageTexts(context: context)
            return range.map { NodeImageRound.needs(of: context.clusters[$0], placed: scheduler.placedSteps(ofCluster: context.clusters[$0].name),
                                                    context: context, decisions: decisions, texts: texts) }
        }
        execution.phase("node image drafts")
        NodeImageRound.add(imageNeeds, to: scheduler, context: context, findings: &findings)
        scheduler.run()
        execution.phase("schedule node image updates")
        CertificateRound.add(to: scheduler, context: context)
        let schedule = scheduler.finish()
        findings += schedule.findings + supportFindings.value
        findings += StepFindings.advisoryGaps(schedule.steps, context: context, reported: findings)
        execution.phase("certificates and findings")

        var ids = execution.map(schedule.steps) { StepIDs.id(of: $0) }
        StepIDs.numberRepeats(&ids, hashes: execution.map(ids) { $0.hashValue })
        let keys = execution.map(schedule.steps) { PlanAssembler.keys(of: $0) }
        let order = execution.sortedIndices(keys.indices.filter { keys[$0].kept }) { PlanAssembler.precedes($0, $1, keys: keys, ids: ids) }
        execution.phase("step ids and plan order")
        let records = execution.chunks(order.count) { range in range.map { PlanAssembler.record(order[$0], of: schedule, ids: ids, position: $0) } }
        findings += execution.chunks(order.count) { range in
            range.flatMap { StepFindings.stepFindings(records[$0], draft: schedule.steps[order[$0]], clusterPosition: schedule.clusterPositions[order[$0]], context: context) }
        }
        let placed = PlanAssembler.placedByCluster(records, order: order, schedule: schedule, clusters: context.clusters.count)
        // Support through the horizon as the placed steps leave each subject (planning.md, "Support through the horizon").
        let unplaced = Set(records.filter { $0.start == nil }.map(\.subject))
        let rowsAndGaps = execution.chunks(context.clusters.count) { range in
            var memo = SupportAfterPlan.Memo()
            return range.map { position -> (Plan.ClusterSummary, [Finding]) in
                let cluster = context.clusters[position]
                let walk = SupportAfterPlan.cluster(cluster, steps: placed[position].map { records[$0] }, unplaced: unplaced.contains("cluster/\(cluster.name)"),
                                                    memo: &memo, context: context)
                return (ClusterSummaries.summary(of: cluster, walk: walk, steps: records, own: placed[position], context: context), walk.findings)
            }
        }
        let clusters = rowsAndGaps.map(\.0)
        findings += rowsAndGaps.flatMap(\.1)
        var platformSteps: [String: [PlanStep]] = [:]
        for step in records where step.cluster == nil && step.start != nil { platformSteps[step.managementCluster ?? "", default: []].append(step) }
        let managementRows = managements.map { management in
            let steps = platformSteps[management.name] ?? []
            let walk = SupportAfterPlan.management(management, steps: steps, unplaced: unplaced.contains("management-cluster/\(management.name)"), context: context)
            findings += walk.findings
            let target = steps.filter { $0.kind == .platformUpdate }.sorted(by: SupportAfterPlan.precedes).last?.to ?? management.version.description
            return Plan.ManagementSummary(name: management.name, platform: management.platform.name, current: management.version.description,
                                          target: target, supportedUntil: walk.start.supportedUntil, supportReasons: walk.start.reasons,
                                          supportedUntilAfterPlan: walk.end.supportedUntil, supportReasonsAfterPlan: walk.end.reasons)
        }
        var plan = Plan(asOf: asOf, horizonEnd: context.horizonEnd, inputs: inputFiles(), steps: records,
                        findings: StepFindings.sorted(findings, execution: execution), clusters: clusters)
        plan.managementClusters = managementRows
        plan.scheduleIDs = ids
        plan.placements = schedule.constraints
        plan.rings = context.policy.rings
        plan.freezes = context.freezes
        execution.phase("step records, findings and cluster rows")
        execution.release(scheduler)
        return plan
    }

    /// The management clusters in name order, the first of a repeated name only.
    private static func uniqueByName(_ managements: [ManagementCluster]) -> [ManagementCluster] {
        var seen = Set<String>()
        return managements.sorted { UTF8Order.precedes($0.name, $1.name) }.filter { seen.insert($0.name).inserted }
    }
}
