/// Node image updates of different maintenance windows never meet: each cluster has one window, an image
/// update waits only for the one before it on the same pool, and what it reads of other steps (platform
/// updates) is already placed. So a large round of them is placed window by window — the windows spread
/// over the cores, each in the earliest-deadline order one pass would follow — and the plan is the same as
/// one pass makes (a test plans a fleet both ways).
extension StepScheduler {
    /// Places the round window by window when every new step is an image update and the round is large
    /// (twice `ExecutionOptions.minimumItems`); returns false (nothing done) otherwise.
    func placeImageUpdatesByWindow(_ range: Range<Int>) -> Bool {
        let workers = execution.workers
        guard workers > 1, range.count >= 2 * execution.minimumItems else { return false }
        for index in range {
            guard steps[index].kind == .nodeImageUpdate else { return false }
            for predecessor in steps[index].predecessors where !settled[predecessor] && stepSubject[predecessor] != stepSubject[index] {
                return false
            }
        }
        // Whole windows to each worker, the largest first to the least loaded (steps with no window
        // fail at once; they go with the first worker).
        var stepsByWindow: [Int: [Int]] = [:]
        for index in range { stepsByWindow[subjects.window[stepSubject[index]] ?? -1, default: []].append(index) }
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
        let results = execution.chunks(workers, minimum: 2) { chunk in
            chunk.map { worker in placeAlone(assigned[worker].sorted(), firstNew: firstNew) }
        }
        // Each worker changed only its own subjects, windows and clusters; the latest ends of
        // management clusters' workload steps combine by maximum; each worker's constraints join the store.
        var merged = [Bool](repeating: false, count: subjects.count)
        for (worker, local) in results.enumerated() {
            let base = state.constraints.count
            state.constraints += local.constraints
            for index in assigned[worker] where !steps[index].constraintRange.isEmpty {
                let range = steps[index].constraintRange
                steps[index].constraintRange = (range.lowerBound + base)..<(range.upperBound + base)
            }
            for index in assigned[worker] where !merged[stepSubject[index]] {
                let subject = stepSubject[index]
                merged[subject] = true
                state.busy[subject] = local.busy[subject]
                state.placedOccurrences[subject] = local.placedOccurrences[subject]
                state.placedBySubject[subject] = local.placedBySubject[subject]
                if let position = subjects.cluster[subject] { state.poolImage[position] = local.poolImage[position] }
                if let window = subjects.window[subject], self.windows.clusterLimit[window] != nil {
                    state.occupants[window] = local.occupants[window]
                    state.nextOpen[window] = local.nextOpen[window]
                }
            }
            for (management, latest) in local.workloadLatestEnd.enumerated() {
                guard let latest else { continue }
                state.workloadStepEnds(latest.end, step: latest.step, management: management)
            }
        }
        for index in range { settled[index] = true }
        return true
    }

    /// Places `indices` (whose only unsettled predecessors are among them) in priority order on a copy
    /// of the placement state, and returns the copy. Reads the scheduler, changes only the steps.
    func placeAlone(_ indices: [Int], firstNew: Int) -> PlacementState {
        var local = state
        local.constraints = []  // this worker's own store, joined to the scheduler's afterwards
        // What each new step still waits for (only this worker's entries are read).
        var waiting = Array(pending[firstNew...])
        var queue = PriorityQueue<PriorityKey>()
        for index in indices where pending[index] == 0 { queue.push(priority[index]) }
        while let index = queue.pop()?.index {
            _ = place(index, &local)
            for successor in successors[index] where successor >= firstNew {
                waiting[successor - firstNew] -= 1
                if waiting[successor - firstNew] == 0 { queue.push(priority[successor]) }
            }
        }
        return local
    }
}
