/// Planning.md 5: the placement loop — ready steps leave a priority queue earliest deadline first, and
/// each one settled frees the steps and soak gates that waited for it.
extension StepScheduler {
    typealias PriorityKey = StepNumbers.PriorityKey

    /// Schedules every step not yet settled; later rounds (image updates, rotations) call it again.
    /// `execution` decides whether a large round of image updates is placed window by window at once.
    mutating func run(_ execution: ExecutionOptions) {
        let count = requirements.count
        let firstNew = readiness.count
        readiness.grow(to: count)
        for index in firstNew..<count {
            for predecessor in requirements[index].predecessors where !readiness.isSettled(predecessor) {
                readiness.link(index, after: predecessor)
            }
            if let gate = soakGate(of: index) { gates.join(gate) }
        }
        for index in firstNew..<count {
            for gate in gatesWaited(by: index) where gates.isClosed(gate) {
                gates.wait(index, at: gate)
                readiness.hold(index)
            }
        }
        numberSteps()
        if placeImageUpdatesByWindow(firstNew..<count, execution: execution) { return }
        var queue = PriorityQueue<PriorityKey>()
        for index in firstNew..<count where readiness.isReady(index) { queue.push(numbers.priority[index]) }
        while true {
            drain(&queue, firstNew: firstNew)
            let stuck = (firstNew..<count).filter { !readiness.isSettled($0) }
            if stuck.isEmpty { break }
            // A soak gate may wait for a step that itself waits for the waiter: an earlier ring's patch
            // needs the platform update, which needs a later ring's bridge first. Such gates open (ring
            // order gives way to the update the fleet needs); only what still waits is a cycle.
            if openGatesHoldingUp(stuck, firstNew: firstNew, &queue) { continue }
            let names = Set(stuck.map { requirements[$0].subjectName }).sorted { UTF8Order.precedes($0, $1) }
            findings.append(Finding(.error, code: "dependency-cycle", subject: "cluster/\(names.first ?? "")",
                                    message: "the steps of \(names.joined(separator: ", ")) wait for each other through rings and dependsOn, so none of them can be planned.",
                                    position: nil))
            for index in stuck {
                placements[index].status = .blocked
                placements[index].blockedReason = "waits for itself through a cycle of rings and dependsOn"
                settleResult(index)  // its target minor, as for every step without a slot (`c0/kubernetes/1.28`, not `c0/kubernetes/`)
                readiness.settle(index)
            }
            break
        }
    }

    /// Places what the queue holds, and whatever that frees, until nothing is ready.
    private mutating func drain(_ queue: inout PriorityQueue<PriorityKey>, firstNew: Int) {
        while let index = queue.pop()?.index {
            if let update = place(index) {
                // It needs a release a platform update not yet placed brings: it waits for that update.
                placements[index].addedPredecessors.append(update)
                readiness.link(index, after: update)
                continue
            }
            readiness.settle(index)
            for successor in readiness.successors[index] where !readiness.isSettled(successor) && successor >= firstNew {
                if readiness.release(successor) { queue.push(numbers.priority[successor]) }
            }
            if let gate = soakGate(of: index) {
                for waiter in gates.settle(memberOf: gate) where !readiness.isSettled(waiter) && waiter >= firstNew {
                    if readiness.release(waiter) { queue.push(numbers.priority[waiter]) }
                }
            }
        }
    }

    /// Opens the soak gates that stuck steps wait at while some of the gate's own steps are unsettled,
    /// with a warning for each step let through; false when no gate holds anything up, or when no platform
    /// update is among the stuck steps (rings against `dependsOn` stay a cycle: the input contradicts itself).
    private mutating func openGatesHoldingUp(_ stuck: [Int], firstNew: Int, _ queue: inout PriorityQueue<PriorityKey>) -> Bool {
        guard stuck.contains(where: { requirements[$0].kind == .platformUpdate }) else { return false }
        var opened = false
        for (gate, waiters) in gates.open(gatesHolding: Set(stuck)) {
            for waiter in waiters where !readiness.isSettled(waiter) && waiter >= firstNew {
                if readiness.release(waiter) { queue.push(numbers.priority[waiter]) }
                opened = true
                let name = requirements[waiter].subjectName
                let ring = gate.ring < context.policy.rings.count ? context.policy.rings[gate.ring].name : "an earlier ring"
                findings.append(Finding(.warning, code: "ring-order-given-way", subject: "cluster/\(name)",
                                        message: "\(name)'s step to \(gate.minor) does not wait for ring \(ring)'s steps to \(gate.minor): they wait for a platform update that needs this step first.",
                                        position: context.clusterIndex[name].map { context.clusters[$0].position },
                                        cause: "has a step to \(gate.minor) that does not wait for ring \(ring)'s steps to \(gate.minor): they wait for a platform update that needs it first."))
            }
        }
        return opened
    }

    /// Every predecessor of a step: its requirement's, then those found while scheduling it.
    func predecessors(of index: Int) -> [Int] {
        let added = placements[index].addedPredecessors
        return added.isEmpty ? requirements[index].predecessors : requirements[index].predecessors + added
    }
}
