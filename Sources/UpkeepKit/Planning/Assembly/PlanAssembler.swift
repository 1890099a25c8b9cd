/// Planning.md 5–6: the scheduled steps as the plan shows them — in plan order, each with its id, the ids
/// it waits for, its reasons and the constraints that decided its start.
enum PlanAssembler {
    /// Each step's sort keys: its start and due day (nil when it has none), and whether it is kept
    /// (an image update dropped by the scheduler is not).
    struct Keys {
        var start: Int?
        var due: Int?
        var kept: Bool
    }

    static func keys(of draft: StepDraft) -> Keys {
        Keys(start: draft.start?.minutesSinceEpoch, due: draft.due?.daysSinceEpoch, kept: !draft.dropped)
    }

    /// Planning.md 5, plan order: placed steps by start, then id; then the others by due, then id.
    static func precedes(_ a: Int, _ b: Int, keys: [Keys], ids: [String]) -> Bool {
        switch (keys[a].start, keys[b].start) {
        case let (l?, r?): return l != r ? l < r : UTF8Order.precedes(ids[a], ids[b])
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil):
            switch (keys[a].due, keys[b].due) {
            case let (l?, r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return UTF8Order.precedes(ids[a], ids[b])
            }
        }
    }

    /// The record of the step at `index` of the schedule, at `position` in the plan order.
    static func record(_ index: Int, of schedule: Schedule, ids: [String], position: Int) -> PlanStep {
        let draft = schedule.steps[index]
        var after = draft.predecessors.map { ids[$0] }
        if let soak = draft.soakStep { after.append(ids[soak]) }
        if after.count > 1 { after = Set(after).sorted(by: UTF8Order.precedes) }
        var reasons = draft.reasons
        if let reason = draft.blockedReason, draft.status != .scheduled && draft.status != .late { reasons.append(reason) }
        return PlanStep(id: ids[index], kind: draft.kind, cluster: draft.cluster,
                        managementCluster: draft.cluster == nil ? draft.management : nil, nodePool: draft.pool,
                        from: draft.from, to: draft.to, occurrence: draft.occurrence, start: draft.start, end: draft.end,
                        estimatedMinutes: draft.estimatedMinutes, due: draft.due, dueReason: draft.dueReason,
                        status: draft.status, after: after, reasons: reasons,
                        fixes: draft.fixes.count > 1 ? draft.fixes.sorted() : draft.fixes,
                        knownIssues: draft.knownIssues.count > 1 ? draft.knownIssues.sorted() : draft.knownIssues,
                        nodeImages: draft.imageChanges, order: position + 1, placement: draft.constraintRange,
                        reasonSources: draft.reasonSources)
    }

    /// Each cluster's placed steps (their positions in the plan order), for its summary row.
    static func placedByCluster(_ records: [PlanStep], order: [Int], schedule: Schedule, clusters: Int) -> [[Int]] {
        var placed = [[Int]](repeating: [], count: clusters)
        for (position, index) in order.enumerated() where records[position].start != nil {
            if index < schedule.clusterPositions.count, let cluster = schedule.clusterPositions[index] { placed[cluster].append(position) }
        }
        return placed
    }
}
