/// Node image updates of different maintenance windows never meet: each cluster has one window, an image
/// update waits only for the one before it on the same pool, and what it reads of other steps (platform
/// updates) is already placed. So a large round of them is placed window by window — the windows spread
/// over the cores, each in the earliest-deadline order one pass would follow — and the plan is the same as
/// one pass makes (a test plans a fleet both ways).
extension StepScheduler {
    /// Places the round window by window when every new step is an image update and the round is large
    /// (twice `ExecutionOptions.minimumItems`); returns false (nothing done) otherwise.
    mutating func placeImageUpdatesByWindow(_ range: Range<Int>, execution: ExecutionOptions) -> Bool {
        let workers = execution.workers
        guard workers > 1, range.count >= 2 * execution.minimumItems else { return false }
        for index in range {
            guard requirements[index].kind == .nodeImageUpdate else { return false }
            for predecessor in requirements[index].predecessors
            where !readiness.isSettled(predecessor) && numbers.subject[predecessor] != numbers.subject[index] {
                return false
            }
        }
        // Whole windows to each worker, the largest first to the least loaded (steps with no window
        // fail at once; they go with the first worker).
        var stepsByWindow: [Int: [Int]] = [:]
        for index in range { stepsByWindow[subjects.window[numbers.subject[index]] ?? -1, default: []].append(index) }
        let windows = stepsByWindow.keys.sorted { a, b in
            let (left, right) = (stepsByWindow[a]?.count ?? 0, stepsByWindow[b]?.count ?? 0)
            return left != right ? left > right : a < b
        }
        var assigned = [[Int]](repeating: [], count: workers)
        var load = [Int](repeating: 0, count: workers)
        for window in windows {
            var worker = 0
            if window >= 0 { for candidate in load.indices where load[candidate] < load[worker] { worker = candidate } }
            assigned[worker] += stepsByWindow[window] ?? []
            load[worker] += stepsByWindow[window]?.count ?? 0
        }
        let firstNew = range.lowerBound
        let work = assigned.map { $0.sorted() }
        var results = Self.placeAtOnce(work, from: self, firstNew: firstNew, execution: execution)
        // Each worker changed only its own steps, subjects, windows and clusters; the latest ends of
        // management clusters' workload steps combine by maximum; each worker's constraints join the store.
        var merged = [Bool](repeating: false, count: subjects.count)
        for worker in results.indices {
            let base = state.constraints.count
            state.constraints += results[worker].state.constraints
            // Swapped in, not copied.
            for (offset, index) in work[worker].enumerated() {
                swap(&placements[index], &results[worker].placements[offset])
                let range = placements[index].constraintRange
                if !range.isEmpty { placements[index].constraintRange = (range.lowerBound + base)..<(range.upperBound + base) }
            }
            let local = results[worker]
            for index in work[worker] where !merged[numbers.subject[index]] {
                let subject = numbers.subject[index]
                merged[subject] = true
                state.busy[subject] = local.state.busy[subject]
                state.placedOccurrences[subject] = local.state.placedOccurrences[subject]
                state.placedBySubject[subject] = local.state.placedBySubject[subject]
                if let position = subjects.cluster[subject] { state.poolImage[position] = local.state.poolImage[position] }
                if let window = subjects.window[subject], self.windows.clusterLimit[window] != nil {
                    state.occupants[window] = local.state.occupants[window]
                    state.nextOpen[window] = local.state.nextOpen[window]
                }
            }
            for (management, latest) in local.state.workloadLatestEnd.enumerated() {
                guard let latest else { continue }
                state.workloadStepEnds(latest.end, step: latest.step, management: management)
            }
        }
        for index in range { readiness.settle(index) }
        return true
    }

    /// Each worker's steps placed at once, each on its own copy of `scheduler` (gone when this returns, so that
    /// merging the results copies none of the scheduler's arrays).
    private static func placeAtOnce(_ work: [[Int]], from scheduler: StepScheduler, firstNew: Int, execution: ExecutionOptions) -> [WorkerResult] {
        execution.chunks(work.count, minimum: 2) { chunk in
            chunk.map { worker in scheduler.placeAlone(work[worker], firstNew: firstNew) }
        }
    }

    /// What one worker of the image round made: its copy of the placement state (with its own constraint
    /// store) and the placements of its steps, in the order it was given them.
    struct WorkerResult: Sendable {
        var state: PlacementState
        var placements: [StepPlacement]
    }

    /// Places `indices` (whose only unsettled predecessors are among them) in priority order on a copy
    /// of the scheduler, and returns what that copy made. Changes nothing of this scheduler.
    func placeAlone(_ indices: [Int], firstNew: Int) -> WorkerResult {
        var local = self
        local.state.constraints = []  // this worker's own store, joined to the scheduler's afterwards
        // What each new step still waits for (only this worker's entries are read).
        var waiting = Array(readiness.pending[firstNew...])
        var queue = PriorityQueue<PriorityKey>()
        for index in indices where readiness.isReady(index) { queue.push(numbers.priority[index]) }
        while let index = queue.pop()?.index {
            _ = local.place(index)
            for successor in readiness.successors[index] where successor >= firstNew {
                waiting[successor - firstNew] -= 1
                if waiting[successor - firstNew] == 0 { queue.push(numbers.priority[successor]) }
            }
        }
        var result = WorkerResult(state: local.state, placements: [])
        result.placements.reserveCapacity(indices.count)
        for index in indices {
            // Swapped out of the copy that is about to go, not copied.
            var placement = StepPlacement()
            swap(&placement, &local.placements[index])
            result.placements.append(placement)
        }
        return result
    }
}
