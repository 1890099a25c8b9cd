/// The placement loop's bookkeeping, by step position: the steps that wait for each step, how many steps
/// and soak gates each one still waits for, and whether it is settled (placed, or failed for good).
struct StepReadiness: Sendable {
    private(set) var successors: [[Int]] = []
    private(set) var pending: [Int] = []
    private(set) var settled: [Bool] = []

    var count: Int { settled.count }

    /// Makes room for the steps added since (unsettled, waiting for nothing yet).
    mutating func grow(to count: Int) {
        guard count > settled.count else { return }
        let added = count - settled.count
        settled += [Bool](repeating: false, count: added)
        successors += [[Int]](repeating: [], count: added)
        pending += [Int](repeating: 0, count: added)
    }

    /// `step` waits for `predecessor`.
    mutating func link(_ step: Int, after predecessor: Int) {
        successors[predecessor].append(step)
        pending[step] += 1
    }

    /// `step` waits for one more thing that is not a step (a soak gate).
    mutating func hold(_ step: Int) {
        pending[step] += 1
    }

    /// One thing `step` waited for is settled; true when it waits for nothing more.
    mutating func release(_ step: Int) -> Bool {
        pending[step] -= 1
        return pending[step] == 0
    }

    mutating func settle(_ step: Int) {
        settled[step] = true
    }

    func isSettled(_ step: Int) -> Bool { settled[step] }

    func isReady(_ step: Int) -> Bool { pending[step] == 0 }
}
