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

    static func keys(of index: Int, in schedule: Schedule) -> Keys {
        Keys(start: schedule.placements[index].start?.minutesSinceEpoch, due: schedule.requirements[index].due?.daysSinceEpoch,
             kept: !schedule.placements[index].dropped)
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
        // The placement's fields are read where they are (no copy of the whole placement).
        let step = schedule.requirements[index]
        var after = (step.predecessors + schedule.placements[index].addedPredecessors).map { ids[$0] }
        if let soak = schedule.placements[index].soakStep { after.append(ids[soak]) }
        if after.count > 1 { after = Set(after).sorted(by: UTF8Order.precedes) }
        var reasons = step.reasons
        let status = schedule.placements[index].status
        if let reason = schedule.placements[index].blockedReason, status != .scheduled && status != .late { reasons.append(reason) }
        let knownIssues = schedule.placements[index].knownIssues
        return PlanStep(id: ids[index], kind: step.kind, cluster: step.cluster,
                        managementCluster: step.cluster == nil ? step.management : nil, nodePool: step.pool,
                        from: schedule.placements[index].from, to: schedule.placements[index].to, occurrence: schedule.placements[index].occurrence,
                        start: schedule.placements[index].start, end: schedule.placements[index].end,
                        estimatedMinutes: step.estimatedMinutes, due: step.due, dueReason: step.dueReason,
                        status: status, after: after, reasons: reasons,
                        fixes: step.fixes.count > 1 ? step.fixes.sorted() : step.fixes,
                        knownIssues: knownIssues.count > 1 ? knownIssues.sorted() : knownIssues,
                        nodeImages: schedule.placements[index].imageChanges, order: position + 1, placement: schedule.placements[index].constraintRange,
                        reasonSources: step.reasonSources)
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
