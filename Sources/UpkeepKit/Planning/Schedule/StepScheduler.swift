/// Planning.md sections 4 and 5: places steps into window occurrences, earliest deadline first, as
/// soon as everything they wait for is placed; settles each Kubernetes step's version on the day it
/// runs; applies soak, freezes, room in the occurrence and cluster limit (`max-parallel`); records on each step every
/// constraint that decided its start.
///
/// The stages after it hand it new steps (`add`), let it place them (`run`), and read the result
/// (`finish`); only the scheduler changes its steps. Its other parts are in the files beside this one:
/// soak gates, placing one step, slots, versions, recording a placement, and the window-by-window image
/// round.
final class StepScheduler {
    let context: PlanningContext
    let execution: ExecutionOptions
    private(set) var steps: [StepDraft]
    var findings: [Finding] = []

    /// Steps waiting on a (ring, minor) gate: every earlier-ring step reaching the minor must be settled
    /// (placed or failed) before a later ring can compute its soak.
    typealias GateKey = SoakGates.Gate
    var gates = SoakGates()
    var successors: [[Int]] = []
    var pending: [Int] = []
    var settled: [Bool] = []
    /// Placed Kubernetes steps per ring and minor: latest end overall and per exact version.
    var soakEnds = SoakEnds()
    /// Subjects and windows, numbered once (`SubjectTable`, `WindowTable`).
    var subjects = SubjectTable()
    var windows = WindowTable()

    var state = PlacementState()
    /// Per management cluster (by subject number), its placed platform updates.
    var platformPlaced: [[(end: Instant, start: Instant, release: PlatformRelease, step: Int)]] = []
    /// Each workload cluster's versions as its placed steps leave them.
    var versions: ClusterVersions
    /// Each step's subject number, its management cluster's subject number and place in the
    /// priority order.
    var stepSubject: [Int] = []
    var stepManagement: [Int?] = []
    var priority: [PriorityKey] = []
    /// Per management cluster (by subject number), its platform update steps, placed or not.
    var platformSteps: [[Int]] = []

    init(context: PlanningContext, steps: [StepDraft], execution: ExecutionOptions) {
        self.context = context
        self.steps = steps
        self.execution = execution
        versions = ClusterVersions(context.clusters)
        state.poolImage = context.clusters.map { $0.nodePools.map(\.nodeImage) }
        var keys = Set(context.clusters.map { SubjectTable.Key(name: $0.name, isManagement: false) })
        for management in context.engine.inputs.managementClusters { keys.insert(SubjectTable.Key(name: management.name, isManagement: true)) }
        for cluster in context.clusters {
            if let name = cluster.managementCluster?.name { keys.insert(SubjectTable.Key(name: name, isManagement: true)) }
        }
        let ordered = keys.sorted { a, b in
            a.name != b.name ? UTF8Order.precedes(a.name, b.name) : !a.isManagement && b.isManagement
        }
        for key in ordered { _ = subjectNumber(key) }
    }

    // MARK: Steps in, schedule out

    /// Adds a step to place in the next `run` (its predecessors are positions of steps already added);
    /// returns its position.
    @discardableResult
    func add(_ step: StepDraft) -> Int {
        steps.append(step)
        return steps.count - 1
    }

    /// Every step as placed, with the findings of placing them.
    func finish() -> Schedule {
        numberSteps()
        return Schedule(steps: steps, findings: findings, clusterPositions: stepSubject.map { subjects.cluster[$0] },
                        constraints: state.constraints)
    }

    // MARK: Numbering

    /// Numbers the subjects of the steps added since the last call, and gives them their priority.
    func numberSteps() {
        // Steps come in runs of the same subject: the previous step's numbers are reused when its
        // subject is the same, without hashing the names again.
        var previous: (step: StepDraft, subject: Int, management: Int?)?
        for index in stepSubject.count..<steps.count {
            let step = steps[index]
            let subject: Int, management: Int?
            if let previous, previous.step.cluster == step.cluster, previous.step.management == step.management {
                (subject, management) = (previous.subject, previous.management)
            } else {
                subject = subjectNumber(subjectKey(step))
                management = step.management.map(managementNumber)
            }
            previous = (step, subject, management)
            if step.kind == .platformUpdate { platformSteps[subject].append(index) }
            stepSubject.append(subject)
            stepManagement.append(management)
            priority.append(PriorityKey(due: step.due?.daysSinceEpoch ?? Int.max, ring: step.ringIndex, subject: subject,
                                        sequence: step.sequence, index: index))
        }
    }

    /// The subject of a step: its workload cluster, or the management cluster of a platform step.
    private func subjectKey(_ step: StepDraft) -> SubjectTable.Key {
        step.cluster.map { SubjectTable.Key(name: $0, isManagement: false) } ?? SubjectTable.Key(name: step.management ?? "", isManagement: true)
    }

    /// The number of a subject, numbering it when it is new (every subject is numbered up front, in
    /// name order; a step whose subject is unknown, which validation rules out, gets the next number).
    private func subjectNumber(_ key: SubjectTable.Key) -> Int {
        let (number, isNew) = subjects.number(key, context: context) { windowNumber($0) }
        guard isNew else { return number }
        state.busy.append([])
        platformPlaced.append([])
        platformSteps.append([])
        state.workloadLatestEnd.append(nil)
        state.placedOccurrences.append([])
        state.placedBySubject.append([])
        return number
    }

    private func managementNumber(_ name: String) -> Int {
        subjectNumber(SubjectTable.Key(name: name, isManagement: true))
    }

    /// The number of a window the schedule defines (nil for a name it does not), numbering it when new.
    private func windowNumber(_ name: String) -> Int? {
        guard let (number, isNew) = windows.number(name, context: context) else { return nil }
        if isNew {
            let count = windows.occurrences[number].count, limited = windows.clusterLimit[number] != nil
            state.occupants.append(limited ? [Set<Int>](repeating: [], count: count) : [])
            state.nextOpen.append(limited ? Array(0...count) : [])
        }
        return number
    }

    // MARK: Running

    /// Schedules every step not yet settled; later rounds (image updates, rotations) call it again.
    func run() {
        let count = steps.count
        let firstNew = settled.count
        settled += [Bool](repeating: false, count: count - firstNew)
        successors += [[Int]](repeating: [], count: count - firstNew)
        pending += [Int](repeating: 0, count: count - firstNew)
        for index in firstNew..<count {
            for predecessor in steps[index].predecessors where !settled[predecessor] {
                successors[predecessor].append(index)
                pending[index] += 1
            }
            if let gate = soakGate(of: index) { gates.join(gate) }
        }
        for index in firstNew..<count {
            for gate in gatesWaited(by: index) where gates.isClosed(gate) {
                gates.wait(index, at: gate)
                pending[index] += 1
            }
        }
        numberSteps()
        if placeImageUpdatesByWindow(firstNew..<count) { return }
        var queue = PriorityQueue<PriorityKey>()
        for index in firstNew..<count where pending[index] == 0 { queue.push(priority[index]) }
        while true {
            drain(&queue, firstNew: firstNew)
            let stuck = (firstNew..<count).filter { !settled[$0] }
            if stuck.isEmpty { break }
            // A soak gate may wait for a step that itself waits for the waiter: an earlier ring's patch
            // needs the platform update, which needs a later ring's bridge first. Such gates open (ring
            // order gives way to the update the fleet needs); only what still waits is a cycle.
            if openGatesHoldingUp(stuck, firstNew: firstNew, &queue) { continue }
            let names = Set(stuck.map { steps[$0].subjectName }).sorted { UTF8Order.precedes($0, $1) }
            findings.append(Finding(.error, code: "dependency-cycle", subject: "cluster/\(names.first ?? "")",
                                    message: "the steps of \(names.joined(separator: ", ")) wait for each other through rings and dependsOn, so none of them can be planned.",
                                    position: nil))
            for index in stuck {
                steps[index].status = .blocked
                steps[index].blockedReason = "waits for itself through a cycle of rings and dependsOn"
                settled[index] = true
            }
            break
        }
    }

    /// Places what the queue holds, and whatever that frees, until nothing is ready.
    private func drain(_ queue: inout PriorityQueue<PriorityKey>, firstNew: Int) {
        while let index = queue.pop()?.index {
            if let update = place(index, &state) {
                // It needs a release a platform update not yet placed brings: it waits for that update.
                steps[index].predecessors.append(update)
                successors[update].append(index)
                pending[index] += 1
                continue
            }
            settled[index] = true
            for successor in successors[index] where !settled[successor] && successor >= firstNew {
                pending[successor] -= 1
                if pending[successor] == 0 { queue.push(priority[successor]) }
            }
            if let gate = soakGate(of: index) {
                for waiter in gates.settle(memberOf: gate) where !settled[waiter] && waiter >= firstNew {
                    pending[waiter] -= 1
                    if pending[waiter] == 0 { queue.push(priority[waiter]) }
                }
            }
        }
    }

    /// Opens the soak gates that stuck steps wait at while some of the gate's own steps are unsettled,
    /// with a warning for each step let through; false when no gate holds anything up, or when no platform
    /// update is among the stuck steps (rings against `dependsOn` stay a cycle: the input contradicts itself).
    private func openGatesHoldingUp(_ stuck: [Int], firstNew: Int, _ queue: inout PriorityQueue<PriorityKey>) -> Bool {
        guard stuck.contains(where: { steps[$0].kind == .platformUpdate }) else { return false }
        var opened = false
        for (gate, waiters) in gates.open(gatesHolding: Set(stuck)) {
            for waiter in waiters where !settled[waiter] && waiter >= firstNew {
                pending[waiter] -= 1
                if pending[waiter] == 0 { queue.push(priority[waiter]) }
                opened = true
                let ring = gate.ring < context.policy.rings.count ? context.policy.rings[gate.ring].name : "an earlier ring"
                findings.append(Finding(.warning, code: "ring-order-given-way", subject: "cluster/\(steps[waiter].subjectName)",
                                        message: "\(steps[waiter].subjectName)'s step to \(gate.minor) does not wait for ring \(ring)'s steps to \(gate.minor): they wait for a platform update that needs this step first.",
                                        position: context.clusterIndex[steps[waiter].subjectName].map { context.clusters[$0].position }))
            }
        }
        return opened
    }

    /// Earliest deadline first (no due date last), then ring order, then name (subjects are numbered
    /// in name order), then the step's place in its sequence.
    struct PriorityKey: Comparable {
        var due: Int
        var ring: Int
        var subject: Int
        var sequence: Int
        var index: Int

        static func < (a: PriorityKey, b: PriorityKey) -> Bool {
            (a.due, a.ring, a.subject, a.sequence, a.index) < (b.due, b.ring, b.subject, b.sequence, b.index)
        }
    }
}

/// What the scheduler made: every step in the order they were added (placed or not, with its
/// constraints), the findings of placing them, and each step's cluster (its position in the context's
/// clusters; nil for a management cluster's step).
struct Schedule {
    var steps: [StepDraft]
    var findings: [Finding]
    var clusterPositions: [Int?]
    /// Every step's placement constraints (`StepDraft.constraintRange` says which are whose).
    var constraints: [PlacementConstraint]
}
