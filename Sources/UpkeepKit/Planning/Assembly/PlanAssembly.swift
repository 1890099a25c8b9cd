/// Stage 6 of the planning pipeline (planning.md 5–6): the schedule as the plan shows it — every step's
/// id and place in the plan order, its record, the findings of every stage, and the rows of support each
/// cluster and management cluster has before and after the plan.
struct PlanAssembly {
    let context: PlanningContext
    let execution: ExecutionOptions

    /// `earlierFindings`: the paths' findings; `supportFindings`: the support rules' findings on `--as-of`;
    /// `inputFiles` is read last (the caller may hash the files meanwhile).
    func plan(_ schedule: Schedule, earlierFindings: [Finding], supportFindings: [Finding], inputFiles: () -> [Plan.InputFile]) -> Plan {
        let context = self.context
        var findings = earlierFindings + schedule.findings + supportFindings
        findings += StepFindings.advisoryGaps(schedule.requirements, context: context, reported: findings)
        execution.phase("certificates and findings")

        var ids = execution.chunks(schedule.requirements.count) { range in range.map { StepIDs.id(of: $0, in: schedule) } }
        let repeats = ids
        StepIDs.numberRepeats(&ids, hashes: execution.map(repeats) { $0.hashValue })
        let keys = execution.chunks(schedule.requirements.count) { range in range.map { PlanAssembler.keys(of: $0, in: schedule) } }
        let numbered = ids
        let order = execution.sortedIndices(keys.indices.filter { keys[$0].kept }) { PlanAssembler.precedes($0, $1, keys: keys, ids: numbered) }
        execution.phase("step ids and plan order")
        let records = execution.chunks(order.count) { range in range.map { PlanAssembler.record(order[$0], of: schedule, ids: numbered, position: $0) } }
        findings += execution.chunks(order.count) { range in
            range.flatMap { StepFindings.stepFindings(records[$0], blockedReason: schedule.placements[order[$0]].blockedReason,
                                                      clusterPosition: schedule.clusterPositions[order[$0]], context: context) }
        }
        let placed = PlanAssembler.placedByCluster(records, order: order, schedule: schedule, clusters: context.clusters.count)
        // Support through the horizon as the placed steps leave each subject (planning.md, "Support through the horizon").
        let unplaced = Dictionary(grouping: records.filter { $0.start == nil }, by: \.subject)
        // The one verdict on `asOf` of each management cluster, which its clusters' rows inherit (SupportAnswer).
        let managementStatus = Self.managementStatus(context)
        let rowsAndGaps = execution.chunks(context.clusters.count) { range in
            var memo = SupportAfterPlan.Memo()
            return range.map { position -> ClusterRow in
                let cluster = context.clusters[position]
                let walk = SupportAfterPlan.cluster(cluster, steps: placed[position].map { records[$0] }, unplaced: unplaced["cluster/\(cluster.name)"] ?? [],
                                                    memo: &memo, context: context)
                var summary = ClusterSummaries.summary(of: cluster, walk: walk, steps: records, own: placed[position], context: context)
                summary.support = context.engine.memberAnswer(walk.start, of: cluster, management: cluster.managementCluster.flatMap { managementStatus[$0.name] },
                                                              on: context.asOf)
                return ClusterRow(summary: summary, findings: walk.findings)
            }
        }
        findings += rowsAndGaps.flatMap(\.findings)
        let managementRows = managementSummaries(records, unplaced: unplaced, answers: managementStatus)
        findings += managementRows.findings
        var plan = Plan(asOf: context.asOf, horizonEnd: context.horizonEnd, inputs: inputFiles(), steps: records,
                        findings: FindingCatalog.urgentFirst(findings, asOf: context.asOf, execution: execution), clusters: rowsAndGaps.map(\.summary))
        plan.managementClusters = managementRows.rows
        plan.scheduleIDs = numbered
        plan.placements = schedule.constraints
        plan.rings = context.policy.rings
        plan.freezes = context.freezes
        execution.phase("step records, findings and cluster rows")
        return plan
    }

    /// A cluster's summary row and the support findings of its walk through the horizon.
    struct ClusterRow: Sendable {
        var summary: Plan.ClusterSummary
        var findings: [Finding]
    }

    /// Each management cluster's row (in name order) and the findings of its walk through the horizon.
    private func managementSummaries(_ records: [PlanStep], unplaced: [String: [PlanStep]],
                                     answers: [String: ManagementClusterStatus]) -> (rows: [Plan.ManagementSummary], findings: [Finding]) {
        var platformSteps: [String: [PlanStep]] = [:]
        for step in records where step.cluster == nil && step.start != nil { platformSteps[step.managementCluster ?? "", default: []].append(step) }
        var findings: [Finding] = []
        let rows = Self.uniqueByName(context.engine.inputs.managementClusters).map { management in
            let steps = platformSteps[management.name] ?? []
            let walk = SupportAfterPlan.management(management, steps: steps, unplaced: unplaced["management-cluster/\(management.name)"] != nil, context: context)
            findings += walk.findings
            let target = steps.filter { $0.kind == .platformUpdate }.sorted(by: SupportAfterPlan.precedes).last?.to ?? management.version.description
            return Plan.ManagementSummary(name: management.name, platform: management.platform.name, current: management.version.description,
                                          target: target, supportedUntil: walk.start.supportedUntil, supportReasons: walk.start.reasons,
                                          supportedUntilAfterPlan: walk.end.supportedUntil, supportReasonsAfterPlan: walk.end.reasons,
                                          support: answers[management.name]?.answer)
        }
        return (rows, findings)
    }

    /// Each management cluster's status row on `asOf`, by name (the first of a repeated name).
    static func managementStatus(_ context: PlanningContext) -> [String: ManagementClusterStatus] {
        var rows: [String: ManagementClusterStatus] = [:]
        for management in uniqueByName(context.engine.inputs.managementClusters) {
            let support = context.engine.managementClusterSupport(management)
            rows[management.name] = ManagementClusterStatus(name: management.name, platform: management.platform.name,
                                                            version: management.version.description, support: support,
                                                            answer: context.engine.managementAnswer(management, support: support, on: context.asOf))
        }
        return rows
    }

    /// The management clusters in name order, the first of a repeated name only.
    static func uniqueByName(_ managements: [ManagementCluster]) -> [ManagementCluster] {
        var seen = Set<String>()
        return managements.sorted { UTF8Order.precedes($0.name, $1.name) }.filter { seen.insert($0.name).inserted }
    }
}
