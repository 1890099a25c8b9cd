import Foundation

/// Planning.md sections 4 and 5: places steps into window occurrences, earliest deadline first, as
/// soon as everything they wait for is placed; settles each Kubernetes step's version on the day it
/// runs; applies soak, freezes, room in the occurrence and `maxParallel`.
final class StepScheduler {
    let context: PlanningContext
    var steps: [StepDraft]
    var findings: [Finding] = []

    /// Steps waiting on a (ring, minor) gate: every earlier-ring step reaching the minor must be settled
    /// (placed or failed) before a later ring can compute its soak.
    private struct GateKey: Hashable { var ring: Int; var minor: KubernetesMinor }
    private var gateMembers: [GateKey: Int] = [:]
    private var gateWaiters: [GateKey: [Int]] = [:]
    private var successors: [[Int]] = []
    private var pending: [Int] = []
    private var settled: [Bool] = []
    /// Placed Kubernetes steps per ring and minor: latest end overall and per exact version.
    private var soakByMinor: [GateKey: (end: Instant, step: Int)] = [:]
    private var soakByVersion: [GateKey: [KubernetesVersion: (end: Instant, step: Int)]] = [:]
    // Subjects (workload and management clusters) and windows are numbered once, so that the state
    // below is kept in arrays instead of dictionaries keyed by name. Subjects are numbered in name
    // order: the number is also the name's place in the priority order.
    private struct SubjectKey: Hashable {
        var name: String
        var isManagement: Bool
    }
    private var subjectNumbers: [SubjectKey: Int] = [:]
    /// Per subject: the number of its window (nil when it has none), its position in `context.clusters`
    /// (workload clusters), its ring's name.
    private var subjectWindow: [Int?] = []
    private var subjectCluster: [Int?] = []
    private var subjectRing: [String?] = []
    /// Per window: its name, occurrences, longest occurrence and `maxParallel`.
    private var windowNames: [String] = []
    private var windowNumbers: [String: Int] = [:]
    private var windowOccurrences: [[WindowOccurrence]] = []
    private var windowLongest: [Int] = []
    private var windowMaxParallel: [Int?] = []

    /// What placing steps changes (everything else the placement reads is fixed while steps of one
    /// kind are placed): kept together so that independent windows can be scheduled at once, each
    /// on its own copy.
    struct PlacementState {
        /// Per subject, the intervals it is busy.
        var busy: [[(start: Instant, end: Instant)]] = []
        /// Per window with a `maxParallel`, per occurrence (by position in the window's list), the
        /// subjects with steps in it.
        var occupants: [[Set<Int>]] = []
        /// Per window with a `maxParallel`, for each occurrence, a pointer toward the next occurrence
        /// that is not full: followed with path compression so that crowded windows are skipped in
        /// near-constant time instead of one occurrence at a time.
        var nextOpen: [[Int]] = []
        /// Per management cluster (by subject number), the latest end of its clusters' steps.
        var workloadLatestEnd: [Instant?] = []
        /// Each workload cluster's pool images as its placed steps leave them (by cluster position,
        /// then pool position).
        var poolImage: [[NodeImageVersion]] = []
        /// Where each subject has steps: (window, occurrence position), for windows with a `maxParallel`.
        var placedOccurrences: [[(window: Int, index: Int)]] = []
        /// Placed steps by subject, in the order they were placed.
        var placedBySubject: [[Int]] = []
    }
    private var state = PlacementState()
    /// Per management cluster (by subject number), its placed platform updates.
    private var platformPlaced: [[(end: Instant, start: Instant, release: PlatformRelease)]] = []
    /// Each workload cluster's versions as its placed steps leave them (by cluster position, then pool
    /// position).
    private var controlPlane: [KubernetesVersion] = []
    private var poolVersion: [[KubernetesVersion]] = []
    /// Each step's subject number, its management cluster's subject number and place in the
    /// priority order.
    private var stepSubject: [Int] = []
    private var stepManagement: [Int?] = []
    private var priority: [PriorityKey] = []
    /// Soak predecessors that bound a step (shown in `after`).
    private(set) var soakAfter: [Int: Int] = [:]

    /// From how many new node image updates a round is placed window by window on every core (tests
    /// lower it to compare both ways on a small fleet).
    let imageUpdatesByWindowFrom: Int
    static let defaultImageUpdatesByWindowFrom = 4096

    init(context: PlanningContext, steps: [StepDraft], imageUpdatesByWindowFrom: Int = defaultImageUpdatesByWindowFrom) {
        self.context = context
        self.steps = steps
        self.imageUpdatesByWindowFrom = imageUpdatesByWindowFrom
        controlPlane = context.clusters.map(\.kubernetesVersion)
        poolVersion = context.clusters.map { $0.nodePools.map(\.kubernetesVersion) }
        state.poolImage = context.clusters.map { $0.nodePools.map(\.nodeImage) }
        var keys = Set(context.clusters.map { SubjectKey(name: $0.name, isManagement: false) })
        for management in context.engine.inputs.managementClusters { keys.insert(SubjectKey(name: management.name, isManagement: true)) }
        for cluster in context.clusters {
            if let name = cluster.managementCluster?.name { keys.insert(SubjectKey(name: name, isManagement: true)) }
        }
        let ordered = keys.sorted { a, b in
            a.name != b.name ? UTF8Order.precedes(a.name, b.name) : !a.isManagement && b.isManagement
        }
        for key in ordered { _ = subjectNumber(key) }
    }

    /// Numbers the subjects of the steps added since the last call, and gives them their priority.
    private func numberSteps() {
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
            stepSubject.append(subject)
            stepManagement.append(management)
            priority.append(PriorityKey(due: step.due?.daysSinceEpoch ?? Int.max, ring: step.ringIndex, subject: subject,
                                        sequence: step.sequence, index: index))
        }
    }

    /// The subject of a step: its workload cluster, or the management cluster of a platform step.
    private func subjectKey(_ step: StepDraft) -> SubjectKey {
        step.cluster.map { SubjectKey(name: $0, isManagement: false) } ?? SubjectKey(name: step.management ?? "", isManagement: true)
    }

    /// The number of a subject, numbering it when it is new (every subject is numbered up front, in
    /// name order; a step whose subject is unknown, which validation rules out, gets the next number).
    private func subjectNumber(_ key: SubjectKey) -> Int {
        if let number = subjectNumbers[key] { return number }
        let number = subjectWindow.count
        subjectNumbers[key] = number
        let cluster = key.isManagement ? nil : context.clusterIndex[key.name]
        subjectCluster.append(cluster)
        subjectRing.append(cluster.flatMap { context.clusters[$0].ring?.name })
        let window = key.isManagement ? context.engine.managementClusters[key.name]?.window?.name : cluster.flatMap { context.clusters[$0].window?.name }
        subjectWindow.append(window.flatMap(windowNumber))
        state.busy.append([])
        platformPlaced.append([])
        state.workloadLatestEnd.append(nil)
        state.placedOccurrences.append([])
        state.placedBySubject.append([])
        return number
    }

    private func managementNumber(_ name: String) -> Int {
        subjectNumber(SubjectKey(name: name, isManagement: true))
    }

    /// The number of a window the schedule defines (nil for a name it does not), numbering it when new.
    private func windowNumber(_ name: String) -> Int? {
        if let known = windowNumbers[name] { return known }
        guard let window = context.windows[name] else { return nil }
        let occurrences = context.occurrences(of: name)
        windowNumbers[name] = windowNames.count
        windowNames.append(name)
        windowOccurrences.append(occurrences)
        windowLongest.append(context.longestOccurrence(of: name))
        windowMaxParallel.append(window.maxParallel)
        state.occupants.append(window.maxParallel == nil ? [] : [Set<Int>](repeating: [], count: occurrences.count))
        state.nextOpen.append(window.maxParallel == nil ? [] : Array(0...occurrences.count))
        return windowNames.count - 1
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
            if let gate = soakGate(of: index) { gateMembers[gate, default: 0] += 1 }
        }
        for index in firstNew..<count {
            for gate in gatesWaited(by: index) where (gateMembers[gate] ?? 0) > 0 {
                gateWaiters[gate, default: []].append(index)
                pending[index] += 1
            }
        }
        numberSteps()
        if placeImageUpdatesByWindow(firstNew..<count) { return }
        var queue = PriorityQueue<PriorityKey>()
        for index in firstNew..<count where pending[index] == 0 { queue.push(priority[index]) }
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
                gateMembers[gate, default: 1] -= 1
                if gateMembers[gate] == 0 {
                    for waiter in gateWaiters[gate] ?? [] where !settled[waiter] && waiter >= firstNew {
                        pending[waiter] -= 1
                        if pending[waiter] == 0 { queue.push(priority[waiter]) }
                    }
                    gateWaiters[gate] = nil
                }
            }
        }
        // What is left waits on itself through rings and dependsOn: a cycle.
        let stuck = (firstNew..<count).filter { !settled[$0] }
        if !stuck.isEmpty {
            let names = Set(stuck.map { steps[$0].subjectName }).sorted { UTF8Order.precedes($0, $1) }
            findings.append(Finding(.error, code: "dependency-cycle", subject: "cluster/\(names.first ?? "")",
                                    message: "the steps of \(names.joined(separator: ", ")) wait for each other through rings and dependsOn, so none of them can be planned.",
                                    position: nil))
            for index in stuck {
                steps[index].status = .blocked
                steps[index].blockedReason = "waits for itself through a cycle of rings and dependsOn"
                settled[index] = true
            }
        }
    }

    // MARK: Node image updates, window by window

    /// Node image updates in different windows never meet: each cluster has one window, an image
    /// update waits only for the one before it on the same pool, and what it reads of other steps
    /// (platform updates) is already placed. So when every new step is an image update, the steps of
    /// each window are placed on their own — the windows spread over the cores, each in the
    /// earliest-deadline order one pass would follow — and the plan is the same as one pass makes.
    /// Returns false (nothing done) when the steps do not qualify.
    private func placeImageUpdatesByWindow(_ range: Range<Int>) -> Bool {
        let workers = max(2, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        guard range.count >= imageUpdatesByWindowFrom else { return false }
        for index in range {
            guard steps[index].kind == .nodeImageUpdate else { return false }
            for predecessor in steps[index].predecessors where !settled[predecessor] && stepSubject[predecessor] != stepSubject[index] {
                return false
            }
        }
        // Whole windows to each worker, the largest first to the least loaded (steps with no window
        // fail at once; they go with the first worker).
        var stepsByWindow: [Int: [Int]] = [:]
        for index in range { stepsByWindow[subjectWindow[stepSubject[index]] ?? -1, default: []].append(index) }
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
        let shared = Unshared((scheduler: self, assigned: assigned, firstNew: range.lowerBound))
        let results = ParallelChunks.map(workers, minimum: 2) { chunk in
            chunk.map { worker in shared.value.scheduler.placeAlone(shared.value.assigned[worker].sorted(), firstNew: shared.value.firstNew) }
        }
        // Each worker changed only its own subjects, windows and clusters; the latest ends of
        // management clusters' workload steps combine by maximum.
        var merged = [Bool](repeating: false, count: subjectWindow.count)
        for (worker, local) in results.enumerated() {
            for index in assigned[worker] where !merged[stepSubject[index]] {
                let subject = stepSubject[index]
                merged[subject] = true
                state.busy[subject] = local.busy[subject]
                state.placedOccurrences[subject] = local.placedOccurrences[subject]
                state.placedBySubject[subject] = local.placedBySubject[subject]
                if let position = subjectCluster[subject] { state.poolImage[position] = local.poolImage[position] }
                if let window = subjectWindow[subject], windowMaxParallel[window] != nil {
                    state.occupants[window] = local.occupants[window]
                    state.nextOpen[window] = local.nextOpen[window]
                }
            }
            for (management, end) in local.workloadLatestEnd.enumerated() {
                guard let end else { continue }
                state.workloadLatestEnd[management] = max(state.workloadLatestEnd[management] ?? end, end)
            }
        }
        for index in range { settled[index] = true }
        return true
    }

    /// Places `indices` (whose only unsettled predecessors are among them) in priority order on a copy
    /// of the placement state, and returns the copy. Reads the scheduler, changes only the steps.
    private func placeAlone(_ indices: [Int], firstNew: Int) -> PlacementState {
        var local = state
        // What each new step still waits for (only this worker's entries are read).
        var waiting = Array(pending[firstNew...])
        var queue = PriorityQueue<PriorityKey>()
        for index in indices where pending[index] == 0 { queue.push(priority[index]) }
        while let index = queue.pop()?.index {
            place(index, &local)
            for successor in successors[index] where successor >= firstNew {
                waiting[successor - firstNew] -= 1
                if waiting[successor - firstNew] == 0 { queue.push(priority[successor]) }
            }
        }
        return local
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

    // MARK: Soak (planning.md 4, rings)

    private func isRingStep(_ step: StepDraft) -> Bool {
        step.kind == .kubernetesUpgrade && step.movesControlPlane && step.cluster != nil
    }

    private func soakGate(of index: Int) -> GateKey? {
        let step = steps[index]
        guard isRingStep(step), let minor = step.targetMinor, step.ringIndex < context.policy.rings.count else { return nil }
        return GateKey(ring: step.ringIndex, minor: minor)
    }

    private func bypassesSoak(_ step: StepDraft) -> Bool {
        context.policy.securityBypassesSoak && step.securityFix
    }

    private func gatesWaited(by index: Int) -> [GateKey] {
        let step = steps[index]
        guard isRingStep(step), let minor = step.targetMinor, !bypassesSoak(step) else { return [] }
        return (0..<min(step.ringIndex, context.policy.rings.count)).map { GateKey(ring: $0, minor: minor) }
    }

    /// The instant soak allows a step to reach `version` from, and the step that sets it.
    private func soakConstraint(_ index: Int, version: KubernetesVersion) -> (Instant, Int)? {
        let step = steps[index]
        guard isRingStep(step), !bypassesSoak(step) else { return nil }
        let earlier = 0..<min(step.ringIndex, context.policy.rings.count)
        let exact = earlier.compactMap { ring -> (Instant, Int)? in
            soakByVersion[GateKey(ring: ring, minor: version.minorVersion)]?[version].map { ($0.end.adding(minutes: context.policy.rings[ring].soak.minutes), $0.step) }
        }
        let candidates = exact.isEmpty
            ? earlier.compactMap { ring -> (Instant, Int)? in
                soakByMinor[GateKey(ring: ring, minor: version.minorVersion)].map { ($0.end.adding(minutes: context.policy.rings[ring].soak.minutes), $0.step) }
            }
            : exact
        return candidates.max { $0.0 < $1.0 }
    }

    // MARK: Placing one step

    private func fail(_ index: Int, _ status: PlanStep.Status, _ reason: String) {
        steps[index].status = status
        steps[index].blockedReason = reason
    }

    /// Places the step, or records why it cannot be. Returns a platform update still to be placed that the
    /// step must wait for instead (planning.md 3, "Platform first": its patch lost support before its slot,
    /// and only that update's release offers a supported one).
    @discardableResult
    private func place(_ index: Int, _ state: inout PlacementState) -> Int? {
        let step = steps[index]
        let subject = stepSubject[index]
        if let reason = step.blockedReason {
            fail(index, .blocked, reason)
            settleResult(index)
            return nil
        }
        if let missing = step.predecessors.first(where: { !steps[$0].placed }) {
            fail(index, .blocked, "it waits for \(describe(missing)), which has no slot")
            settleResult(index)
            return nil
        }
        guard let window = subjectWindow[subject] else {
            fail(index, .unschedulable, "\(step.cluster.map { "cluster \($0)" } ?? "management cluster \(step.management ?? "")") has no maintenance window")
            settleResult(index)
            return nil
        }
        let longest = windowLongest[window]
        if step.estimatedMinutes > longest {
            fail(index, .unschedulable, "it needs \(TimeSpan(minutes: step.estimatedMinutes).humanDescription); window \(windowNames[window]) is \(TimeSpan(minutes: longest).humanDescription)")
            settleResult(index)
            return nil
        }
        var earliest = Instant(startOf: context.asOf)
        for predecessor in step.predecessors { if let end = steps[predecessor].end { earliest = max(earliest, end) } }
        if let available = step.availableFrom { earliest = max(earliest, Instant(startOf: available)) }
        if step.kind == .platformUpdate || step.kind == .certificateRotation, let end = state.workloadLatestEnd[subject] {
            earliest = max(earliest, end)
        }

        // The version depends on the day; soak depends on the version: settle both together.
        var start: (occurrence: WindowOccurrence, start: Instant, position: Int)?
        var version: KubernetesVersion?
        var bound = earliest
        for _ in 0..<4 {
            guard let slot = findSlot(index, window: window, earliest: bound, &state) else { start = nil; break }
            start = slot
            guard step.targetMinor != nil else { break }
            guard let resolved = resolveVersion(index, at: slot.start) else { start = nil; version = nil; break }
            version = resolved
            if let (soakEnd, soakStep) = soakConstraint(index, version: resolved), soakEnd > slot.start {
                soakAfter[index] = soakStep
                bound = max(bound, soakEnd)
                continue
            }
            break
        }
        guard let slot = start else {
            if step.targetMinor != nil && version == nil && findSlot(index, window: window, earliest: earliest, &state) != nil {
                if let update = unplacedPlatformUpdateOffering(index) { return update }
                fail(index, .unschedulable, "no release offers a Kubernetes \(step.targetMinor?.description ?? "") version it may take when it could run")
            } else {
                fail(index, .unschedulable, "no occurrence of window \(windowNames[window]) fits it before \(context.searchEnd) (a year after the horizon)")
            }
            settleResult(index)
            return nil
        }
        if let limit = step.mustEndBefore, slot.start.adding(minutes: step.estimatedMinutes) > limit {
            steps[index].dropped = true
            return nil
        }
        commit(index, occurrence: slot.occurrence, start: slot.start, version: version, window: window, position: slot.position, &state)
        return nil
    }

    /// A platform update of the step's management cluster, not placed yet and not waiting for the step, whose
    /// release offers a patch of the step's minor that is supported when that release comes out.
    private func unplacedPlatformUpdateOffering(_ index: Int) -> Int? {
        let step = steps[index]
        guard !step.bridge, let management = step.management, let minor = step.targetMinor,
              let position = subjectCluster[stepSubject[index]] else { return nil }
        let cluster = context.clusters[position]
        for candidate in steps.indices where steps[candidate].kind == .platformUpdate && steps[candidate].management == management
            && !settled[candidate] && !steps[candidate].predecessors.contains(index) {
            guard let release = steps[candidate].targetRelease else { continue }
            let patches = context.supportedPatches(of: minor, above: controlPlane[position], in: release, to: cluster,
                                                   on: max(release.released, context.asOf))
            if patches.contains(where: { version in step.minimumVersion.map { !(version < $0) } ?? true }) { return candidate }
        }
        return nil
    }

    /// The first instant at or after `earliest`, inside an occurrence of the window, where the step fits.
    private func findSlot(_ index: Int, window: Int, earliest: Instant, _ state: inout PlacementState) -> (occurrence: WindowOccurrence, start: Instant, position: Int)? {
        let step = steps[index]
        let subject = stepSubject[index]
        let occurrences = windowOccurrences[window]
        let maxParallel = windowMaxParallel[window]
        let duration = step.estimatedMinutes
        let searchEnd = Instant(startOf: context.searchEnd.adding(days: 1))
        // A workload step also waits for its management cluster's platform updates.
        let platform = step.cluster == nil ? nil : stepManagement[index]
        var low = 0, high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].end <= earliest { low = middle + 1 } else { high = middle }
        }
        var position = low
        while position < occurrences.count {
            let occurrence = occurrences[position]
            if occurrence.start >= searchEnd { return nil }
            if let maxParallel, !state.occupants[window][position].contains(subject), state.occupants[window][position].count >= maxParallel {
                // Full for newcomers: jump to the next occurrence with room, unless this subject already
                // has a step in a full one in between (rare; it may add another there).
                let open = firstOpen(window, from: position, &state)
                var next = open
                for placed in state.placedOccurrences[subject] where placed.window == window && placed.index > position && placed.index < next {
                    next = placed.index
                }
                position = next
                continue
            }
            defer { position += 1 }
            if isFrozen(step, subject: subject, occurrence) { continue }
            var candidate = max(earliest, occurrence.start)
            // One step at a time per cluster (and, for platform work, per management cluster).
            var moved = true
            while moved {
                moved = false
                for interval in state.busy[subject] where interval.start < candidate.adding(minutes: duration) && candidate < interval.end {
                    candidate = interval.end
                    moved = true
                }
                if let platform {
                    for update in platformPlaced[platform] where update.start < candidate.adding(minutes: duration) && candidate < update.end {
                        candidate = update.end
                        moved = true
                    }
                }
            }
            if candidate.adding(minutes: duration) <= occurrence.end { return (occurrence, candidate, position) }
        }
        return nil
    }

    /// The first occurrence at or after `position` that still has room (or the end of the list).
    private func firstOpen(_ window: Int, from position: Int, _ state: inout PlacementState) -> Int {
        var root = position
        while state.nextOpen[window][root] != root { root = state.nextOpen[window][root] }
        var walker = position
        while state.nextOpen[window][walker] != root {
            let next = state.nextOpen[window][walker]
            state.nextOpen[window][walker] = root
            walker = next
        }
        return root
    }

    /// Planning.md 5, freezes: an occurrence touching a freeze day is frozen for the rings it names (all
    /// when none); `allow: security` lets steps that fix an advisory through; platform steps obey only
    /// freezes that name no rings.
    private func isFrozen(_ step: StepDraft, subject: Int, _ occurrence: WindowOccurrence) -> Bool {
        for freeze in context.freezes where occurrence.firstLocalDate <= freeze.to && occurrence.lastLocalDate >= freeze.from {
            if let rings = freeze.rings {
                guard step.cluster != nil, let ringName = subjectRing[subject], rings.contains(where: { $0.name == ringName }) else { continue }
            }
            if freeze.allow == .security && step.securityFix { continue }
            return true
        }
        return false
    }

    // MARK: Versions (planning.md 3)

    /// The release a management cluster runs at an instant, given the platform updates placed so far.
    func releaseInEffect(_ management: String, at instant: Instant) -> PlatformRelease? {
        let number = subjectNumbers[SubjectKey(name: management, isManagement: true)]
        let placed = number.flatMap { platformPlaced[$0].filter { $0.end <= instant }.max { $0.end < $1.end } }
        if let placed { return placed.release }
        guard let managementCluster = context.engine.managementClusters[management] else { return nil }
        return context.timeline(of: managementCluster)?.release(managementCluster.version)
    }

    /// The version a Kubernetes step reaches when it starts at `instant`: the newest patch of its minor
    /// offered then and supported on that day (a bridge takes the newest offered, with a warning).
    private func resolveVersion(_ index: Int, at instant: Instant) -> KubernetesVersion? {
        let step = steps[index]
        guard let clusterName = step.cluster, let position = subjectCluster[stepSubject[index]], let minor = step.targetMinor else { return nil }
        let cluster = context.clusters[position]
        let currentControlPlane = controlPlane[position]
        if step.kind == .nodePoolUpgrade { return currentControlPlane }
        let day = instant.utcDate
        var offered: [KubernetesVersion]
        var supported: (KubernetesVersion) -> Bool = { _ in true }
        if let management = step.management {
            guard let release = releaseInEffect(management, at: instant) else { return nil }
            offered = context.offered(release, to: cluster)
            if let managementCluster = context.engine.managementClusters[management], let timeline = context.timeline(of: managementCluster) {
                supported = { PlatformPatchSupportRule.end(of: $0, on: timeline).isSupported(on: day) }
            }
        } else {
            offered = context.offeredUpstream(on: day)
        }
        let candidates = offered.filter { version in
            version.minorVersion == minor && currentControlPlane < version && (step.minimumVersion.map { !(version < $0) } ?? true)
        }
        if let best = candidates.last(where: supported) { return best }
        if step.bridge, let best = candidates.last {
            findings.append(Finding(.warning, code: "bridge-version-unsupported", subject: "cluster/\(clusterName)",
                                    message: "cluster \(clusterName) bridges to \(best), the newest patch its current release offers, although it is no longer supported on \(day); the platform update waits for it.",
                                    position: cluster.position))
            return best
        }
        return nil
    }

    // MARK: Recording a placement

    private func commit(_ index: Int, occurrence: WindowOccurrence, start: Instant, version: KubernetesVersion?, window: Int, position: Int,
                        _ state: inout PlacementState) {
        let step = steps[index]
        let subject = stepSubject[index]
        let end = start.adding(minutes: step.estimatedMinutes)
        step.occurrence = occurrence
        step.start = start
        step.end = end
        if let due = step.due, end > Instant(startOf: due) { step.status = .late }
        state.busy[subject].append((start, end))
        if let maxParallel = windowMaxParallel[window] {
            state.occupants[window][position].insert(subject)
            state.placedOccurrences[subject].append((window, position))
            if state.occupants[window][position].count >= maxParallel { state.nextOpen[window][position] = position + 1 }
        }
        state.placedBySubject[subject].append(index)
        let management = stepManagement[index]

        switch step.kind {
        case .platformUpdate:
            if let management, let release = step.targetRelease {
                platformPlaced[management].append((end, start, release))
            }
        case .kubernetesUpgrade, .nodePoolUpgrade:
            if let version, let position = subjectCluster[subject] {
                let cluster = context.clusters[position]
                step.version = version
                step.to = version.description
                if step.kind == .kubernetesUpgrade { step.from = controlPlane[position].description }
                if step.movesControlPlane { controlPlane[position] = version }
                var changes: [PlanStep.ImageChange] = []
                for (poolIndex, pool) in cluster.nodePools.enumerated() where step.movedPools.contains(pool.name) {
                    if step.kind == .nodePoolUpgrade { step.from = poolVersion[position][poolIndex].description }
                    poolVersion[position][poolIndex] = version
                    let current = state.poolImage[position][poolIndex]
                    if let image = context.newestImage(family: pool.imageFamily.name, for: version, on: start.utcDate), current < image.version {
                        changes.append(PlanStep.ImageChange(nodePool: pool.name, from: current.text, to: image.version.text))
                        state.poolImage[position][poolIndex] = image.version
                    }
                }
                step.imageChanges = changes
                if let name = step.management, let release = releaseInEffect(name, at: start) {
                    let systems = Set(cluster.nodePools.map(\.os))
                    step.knownIssues = release.knownIssues.filter { issue in
                        issue.affectedVersions.contains(version) && (issue.affectedOS.map { systems.contains($0) } ?? true)
                    }.map(\.id)
                }
                if let gate = soakGate(of: index) {
                    if (soakByMinor[gate]?.end).map({ $0 < end }) ?? true { soakByMinor[gate] = (end, index) }
                    if (soakByVersion[gate]?[version]?.end).map({ $0 < end }) ?? true { soakByVersion[gate, default: [:]][version] = (end, index) }
                }
                if let management {
                    state.workloadLatestEnd[management] = max(state.workloadLatestEnd[management] ?? end, end)
                }
            }
        case .nodeImageUpdate:
            if let position = subjectCluster[subject], let image = step.targetImageVersion, let poolIndex = step.poolIndex {
                // Image updates are placed after the Kubernetes steps, but run before any that brings a
                // newer image: only a newer image replaces what the pool is known to run.
                if state.poolImage[position][poolIndex] < image { state.poolImage[position][poolIndex] = image }
                if let management {
                    state.workloadLatestEnd[management] = max(state.workloadLatestEnd[management] ?? end, end)
                }
            }
        case .certificateRotation:
            break
        }
    }

    /// A step that got no slot still counts toward its gate (so later rings are not held forever).
    private func settleResult(_ index: Int) {
        if steps[index].to.isEmpty, let minor = steps[index].targetMinor { steps[index].to = minor.description }
    }

    private func describe(_ index: Int) -> String {
        let step = steps[index]
        switch step.kind {
        case .platformUpdate: return "the platform update of \(step.management ?? "")"
        case .certificateRotation: return "the certificate rotation of \(step.management ?? "")"
        default: return "the \(step.kind.rawValue) of cluster \(step.cluster ?? "") to \(step.targetMinor?.description ?? step.to)"
        }
    }

    // MARK: Queries for later passes

    func placedIndices(ofCluster name: String) -> [Int] {
        subjectNumbers[SubjectKey(name: name, isManagement: false)].map { state.placedBySubject[$0] } ?? []
    }

    func placedIndices(ofManagement name: String) -> [Int] {
        subjectNumbers[SubjectKey(name: name, isManagement: true)].map { state.placedBySubject[$0] } ?? []
    }

    /// The subject number of every step (nil unless the first `count` steps are all numbered).
    func subjectNumbers(ofSteps count: Int) -> [Int]? {
        stepSubject.count == count ? stepSubject : nil
    }

    /// The position in `context.clusters` of each of the first `count` steps' cluster (nil for
    /// management cluster steps).
    func clusterPositions(ofSteps count: Int) -> [Int?] {
        stepSubject.prefix(count).map { subjectCluster[$0] }
    }

    func controlPlaneVersion(of cluster: String) -> KubernetesVersion? {
        context.clusterIndex[cluster].map { controlPlane[$0] }
    }

    func placedSteps(ofCluster name: String) -> [StepDraft] {
        placedIndices(ofCluster: name).map { steps[$0] }
    }

    func platformUpdates(of management: String) -> [(end: Instant, start: Instant, release: PlatformRelease)] {
        subjectNumbers[SubjectKey(name: management, isManagement: true)].map { platformPlaced[$0] } ?? []
    }

    /// A slot chosen outside the queue: the occurrence, the start, the window's number and the
    /// occurrence's position in the window's list.
    typealias FixedSlot = (occurrence: WindowOccurrence, start: Instant, window: Int, position: Int)

    /// The last occurrence of a window that ends at or before `deadline` and starts at or after `earliest`,
    /// not frozen, with room and the subject free: where a certificate rotation goes.
    func latestSlot(_ index: Int, endingBy deadline: Instant, earliest: Instant) -> FixedSlot? {
        numberSteps()
        let subject = stepSubject[index]
        guard let window = subjectWindow[subject] else { return nil }
        let duration = steps[index].estimatedMinutes
        let occurrences = windowOccurrences[window]
        for position in occurrences.indices.reversed() {
            let occurrence = occurrences[position]
            guard occurrence.end <= deadline && occurrence.start >= earliest else { continue }
            if isFrozen(steps[index], subject: subject, occurrence) { continue }
            let free = !state.busy[subject].contains { $0.start < occurrence.start.adding(minutes: duration) && occurrence.start < $0.end }
            if free && duration <= occurrence.durationMinutes { return (occurrence, occurrence.start, window, position) }
        }
        return nil
    }

    func commitFixed(_ index: Int, slot: FixedSlot) {
        numberSteps()
        commit(index, occurrence: slot.occurrence, start: slot.start, version: nil, window: slot.window, position: slot.position, &state)
        settled.append(true)
        successors.append([])
        pending.append(0)
    }
}
