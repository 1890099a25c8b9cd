extension StepScheduler {
    /// What placing steps changes (everything else the placement reads is fixed while steps of one
    /// kind are placed): kept together so that independent windows can be scheduled at once, each
    /// on its own copy.
    struct PlacementState: Sendable {
        /// Per subject, the intervals it is busy and the step that keeps it busy.
        var busy: [[(start: Instant, end: Instant, step: Int)]] = []
        /// Per window with a cluster limit (`max-parallel`), per occurrence (by position in the window's list), the
        /// subjects with steps in it.
        var occupants: [[Set<Int>]] = []
        /// Per window with a cluster limit (`max-parallel`), for each occurrence, a pointer toward the next occurrence
        /// that is not full: followed with path compression so that crowded windows are skipped in
        /// near-constant time instead of one occurrence at a time.
        var nextOpen: [[Int]] = []
        /// Per management cluster (by subject number), the latest end of its clusters' steps, and that step.
        var workloadLatestEnd: [(end: Instant, step: Int)?] = []
        /// Each workload cluster's versions as its placed steps leave them.
        var versions: ClusterVersions
        /// Each workload cluster's pool images as its placed steps leave them (by cluster position,
        /// then pool position).
        var poolImage: [[NodeImageVersion]]
        /// Where each subject has steps: (window, occurrence position), for windows with a cluster limit (`max-parallel`).
        var placedOccurrences: [[(window: Int, index: Int)]] = []
        /// Placed steps by subject, in the order they were placed.
        var placedBySubject: [[Int]] = []
        /// Every step's placement constraints, one step's after another (each step knows its range).
        var constraints: [PlacementConstraint] = []

        init(clusters: [WorkloadCluster]) {
            versions = ClusterVersions(clusters)
            poolImage = clusters.map { $0.nodePools.map(\.nodeImage) }
        }

        /// Makes room for one more subject.
        mutating func addSubject() {
            busy.append([])
            workloadLatestEnd.append(nil)
            placedOccurrences.append([])
            placedBySubject.append([])
        }

        /// The first occurrence of a window at or after `position` that still has room (or the end of the
        /// list), shortening the pointers it follows.
        mutating func firstOpen(_ window: Int, from position: Int) -> Int {
            var root = position
            while nextOpen[window][root] != root { root = nextOpen[window][root] }
            var walker = position
            while nextOpen[window][walker] != root {
                let next = nextOpen[window][walker]
                nextOpen[window][walker] = root
                walker = next
            }
            return root
        }

        /// Records that a workload step of a management cluster's cluster ends then.
        mutating func workloadStepEnds(_ end: Instant, step: Int, management: Int) {
            if (workloadLatestEnd[management]?.end).map({ $0 < end }) ?? true { workloadLatestEnd[management] = (end, step) }
        }
    }
}
