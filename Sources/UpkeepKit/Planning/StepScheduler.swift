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
    /// Per subject (cluster or management cluster), the intervals it is busy.
    private var busy: [String: [(start: Instant, end: Instant)]] = [:]
    /// Per window, per occurrence (by position in the window's list), the subjects with steps in it.
    private var occupants: [String: [Set<String>]] = [:]
    /// Per window, for each occurrence, a pointer toward the next occurrence that is not full
    /// (`maxParallel` reached): followed with path compression so that crowded windows are skipped in
    /// near-constant time instead of one occurrence at a time.
    private var nextOpen: [String: [Int]] = [:]
    /// Per management cluster, its placed platform updates and the latest end of its clusters' steps.
    private var platformPlaced: [String: [(end: Instant, start: Instant, release: PlatformRelease)]] = [:]
    private var workloadLatestEnd: [String: Instant] = [:]
    /// Each workload cluster's versions and images as its placed steps leave them.
    private var controlPlane: [String: KubernetesVersion] = [:]
    private var poolVersion: [String: [String: KubernetesVersion]] = [:]
    private var poolImage: [String: [String: NodeImageVersion]] = [:]
    /// Where each subject has steps: (window, occurrence position).
    private var placedOccurrences: [String: [(window: String, index: Int)]] = [:]
    /// Placed steps by subject, in the order they were placed.
    private var placedBySubject: [String: [Int]] = [:]
    /// Soak predecessors that bound a step (shown in `after`).
    private(set) var soakAfter: [Int: Int] = [:]

    init(context: PlanningContext, steps: [StepDraft]) {
        self.context = context
        self.steps = steps
        for cluster in context.clusters {
            controlPlane[cluster.name] = cluster.kubernetesVersion
            poolVersion[cluster.name] = Dictionary(uniqueKeysWithValues: cluster.nodePools.map { ($0.name, $0.kubernetesVersion) })
            poolImage[cluster.name] = Dictionary(uniqueKeysWithValues: cluster.nodePools.map { ($0.name, $0.nodeImage) })
        }
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
        // The keys are copied out once: the queue must not hold the steps array the loop mutates.
        let keys = steps[firstNew...].map { PriorityKey(due: $0.due, ring: $0.ringIndex, subject: $0.subjectName, sequence: $0.sequence) }
        var queue = PriorityQueue<Int>(by: { PriorityKey.before(keys[$0 - firstNew], $0, keys[$1 - firstNew], $1) })
        for index in firstNew..<count where pending[index] == 0 { queue.push(index) }
        while let index = queue.pop() {
            place(index)
            settled[index] = true
            for successor in successors[index] where !settled[successor] && successor >= firstNew {
                pending[successor] -= 1
                if pending[successor] == 0 { queue.push(successor) }
            }
            if let gate = soakGate(of: index) {
                gateMembers[gate, default: 1] -= 1
                if gateMembers[gate] == 0 {
                    for waiter in gateWaiters[gate] ?? [] where !settled[waiter] && waiter >= firstNew {
                        pending[waiter] -= 1
                        if pending[waiter] == 0 { queue.push(waiter) }
                    }
                    gateWaiters[gate] = nil
                }
            }
        }
        // What is left waits on itself through rings and dependsOn: a cycle.
        let stuck = (firstNew..<count).filter { !settled[$0] }
        if !stuck.isEmpty {
            let names = Set(stuck.map { steps[$0].subjectName }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
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

    /// Earliest deadline first, then ring order, then name, then the step's place in its sequence.
    struct PriorityKey {
        var due: CalendarDate?
        var ring: Int
        var subject: String
        var sequence: Int

        static func before(_ a: PriorityKey, _ aIndex: Int, _ b: PriorityKey, _ bIndex: Int) -> Bool {
            switch (a.due, b.due) {
            case let (left?, right?) where left != right: return left < right
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.ring != b.ring { return a.ring < b.ring }
            if a.subject != b.subject { return a.subject.utf8.lexicographicallyPrecedes(b.subject.utf8) }
            if a.sequence != b.sequence { return a.sequence < b.sequence }
            return aIndex < bIndex
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

    private func windowName(_ step: StepDraft) -> String? {
        if let cluster = step.cluster {
            return context.clusterIndex[cluster].flatMap { context.clusters[$0].window?.name }
        }
        return step.management.flatMap { context.engine.managementClusters[$0]?.window?.name }
    }

    private func place(_ index: Int) {
        let step = steps[index]
        if let reason = step.blockedReason {
            fail(index, .blocked, reason)
            settleResult(index)
            return
        }
        if let missing = step.predecessors.first(where: { !steps[$0].placed }) {
            fail(index, .blocked, "it waits for \(describe(missing)), which has no slot")
            settleResult(index)
            return
        }
        guard let windowName = windowName(step), context.windows[windowName] != nil else {
            fail(index, .unschedulable, "\(step.cluster.map { "cluster \($0)" } ?? "management cluster \(step.management ?? "")") has no maintenance window")
            settleResult(index)
            return
        }
        let occurrences = context.occurrences(of: windowName)
        let longest = context.longestOccurrence(of: windowName)
        if step.estimatedMinutes > longest {
            fail(index, .unschedulable, "it needs \(TimeSpan(minutes: step.estimatedMinutes).humanDescription); window \(windowName) is \(TimeSpan(minutes: longest).humanDescription)")
            settleResult(index)
            return
        }
        var earliest = Instant(startOf: context.asOf)
        for predecessor in step.predecessors { if let end = steps[predecessor].end { earliest = max(earliest, end) } }
        if let available = step.availableFrom { earliest = max(earliest, Instant(startOf: available)) }
        if step.kind == .platformUpdate || step.kind == .certificateRotation, let management = step.management, let end = workloadLatestEnd[management] {
            earliest = max(earliest, end)
        }

        // The version depends on the day; soak depends on the version: settle both together.
        var start: (occurrence: WindowOccurrence, start: Instant, position: Int)?
        var version: KubernetesVersion?
        var bound = earliest
        for _ in 0..<4 {
            guard let slot = findSlot(index, window: windowName, occurrences: occurrences, earliest: bound) else { start = nil; break }
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
            if step.targetMinor != nil && version == nil && findSlot(index, window: windowName, occurrences: occurrences, earliest: earliest) != nil {
                fail(index, .unschedulable, "no release offers a Kubernetes \(step.targetMinor?.description ?? "") version it may take when it could run")
            } else {
                fail(index, .unschedulable, "no occurrence of window \(windowName) fits it before \(context.searchEnd) (a year after the horizon)")
            }
            settleResult(index)
            return
        }
        if let limit = step.mustEndBefore, slot.start.adding(minutes: step.estimatedMinutes) > limit {
            steps[index].dropped = true
            return
        }
        commit(index, occurrence: slot.occurrence, start: slot.start, version: version, window: windowName, position: slot.position)
    }

    /// The first instant at or after `earliest`, inside an occurrence, where the step fits.
    private func findSlot(_ index: Int, window: String, occurrences: [WindowOccurrence], earliest: Instant) -> (occurrence: WindowOccurrence, start: Instant, position: Int)? {
        let step = steps[index]
        let subject = step.subjectName
        let maxParallel = context.windows[window]?.maxParallel
        let duration = step.estimatedMinutes
        let searchEnd = Instant(startOf: context.searchEnd.adding(days: 1))
        var low = 0, high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].end <= earliest { low = middle + 1 } else { high = middle }
        }
        if occupants[window] == nil {
            occupants[window] = [Set<String>](repeating: [], count: occurrences.count)
            nextOpen[window] = Array(0...occurrences.count)
        }
        var position = low
        while position < occurrences.count {
            let occurrence = occurrences[position]
            if occurrence.start >= searchEnd { return nil }
            let others = occupants[window]?[position] ?? []
            if let maxParallel, !others.contains(subject), others.count >= maxParallel {
                // Full for newcomers: jump to the next occurrence with room, unless this subject already
                // has a step in a full one in between (rare; it may add another there).
                let open = firstOpen(window, from: position)
                let own = (placedOccurrences[subject] ?? []).filter { $0.window == window && $0.index > position && $0.index < open }.map(\.index).min()
                position = own ?? open
                continue
            }
            defer { position += 1 }
            if isFrozen(step, occurrence) { continue }
            var candidate = max(earliest, occurrence.start)
            // One step at a time per cluster (and, for platform work, per management cluster).
            var moved = true
            while moved {
                moved = false
                for interval in busy[subject] ?? [] where interval.start < candidate.adding(minutes: duration) && candidate < interval.end {
                    candidate = interval.end
                    moved = true
                }
                if let management = step.management, step.cluster != nil {
                    for platform in platformPlaced[management] ?? [] where platform.start < candidate.adding(minutes: duration) && candidate < platform.end {
                        candidate = platform.end
                        moved = true
                    }
                }
            }
            if candidate.adding(minutes: duration) <= occurrence.end { return (occurrence, candidate, position) }
        }
        return nil
    }

    /// The first occurrence at or after `position` that still has room (or the end of the list).
    private func firstOpen(_ window: String, from position: Int) -> Int {
        guard var links = nextOpen[window] else { return position }
        nextOpen[window] = nil
        var root = position
        while links[root] != root { root = links[root] }
        var walker = position
        while links[walker] != root {
            let next = links[walker]
            links[walker] = root
            walker = next
        }
        nextOpen[window] = links
        return root
    }

    /// Planning.md 5, freezes: an occurrence touching a freeze day is frozen for the rings it names (all
    /// when none); `allow: security` lets steps that fix an advisory through; platform steps obey only
    /// freezes that name no rings.
    private func isFrozen(_ step: StepDraft, _ occurrence: WindowOccurrence) -> Bool {
        let ringName: String? = step.cluster.flatMap { context.clusterIndex[$0] }.flatMap { context.clusters[$0].ring?.name }
        for freeze in context.freezes where occurrence.firstLocalDate <= freeze.to && occurrence.lastLocalDate >= freeze.from {
            if let rings = freeze.rings {
                guard step.cluster != nil, let ringName, rings.contains(where: { $0.name == ringName }) else { continue }
            }
            if freeze.allow == .security && step.securityFix { continue }
            return true
        }
        return false
    }

    // MARK: Versions (planning.md 3)

    /// The release a management cluster runs at an instant, given the platform updates placed so far.
    func releaseInEffect(_ management: String, at instant: Instant) -> PlatformRelease? {
        let placed = (platformPlaced[management] ?? []).filter { $0.end <= instant }.max { $0.end < $1.end }
        if let placed { return placed.release }
        guard let managementCluster = context.engine.managementClusters[management] else { return nil }
        return context.timeline(of: managementCluster)?.release(managementCluster.version)
    }

    /// The version a Kubernetes step reaches when it starts at `instant`: the newest patch of its minor
    /// offered then and supported on that day (a bridge takes the newest offered, with a warning).
    private func resolveVersion(_ index: Int, at instant: Instant) -> KubernetesVersion? {
        let step = steps[index]
        guard let clusterName = step.cluster, let position = context.clusterIndex[clusterName], let minor = step.targetMinor else { return nil }
        let cluster = context.clusters[position]
        let currentControlPlane = controlPlane[clusterName] ?? cluster.kubernetesVersion
        if step.kind == .nodePoolUpgrade { return currentControlPlane }
        let day = instant.utcDate
        var offered: [KubernetesVersion]
        var supported: (KubernetesVersion) -> Bool = { _ in true }
        if let management = step.management {
            guard let release = releaseInEffect(management, at: instant) else { return nil }
            offered = context.offered(release, to: cluster)
            if let managementCluster = context.engine.managementClusters[management], let timeline = context.timeline(of: managementCluster) {
                supported = { PlatformPatchSupportRule.evaluate($0, on: timeline).isSupported(on: day) }
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

    private func commit(_ index: Int, occurrence: WindowOccurrence, start: Instant, version: KubernetesVersion?, window: String, position: Int) {
        let step = steps[index]
        let end = start.adding(minutes: step.estimatedMinutes)
        step.occurrence = occurrence
        step.start = start
        step.end = end
        if let due = step.due, end > Instant(startOf: due) { step.status = .late }
        let subject = step.subjectName
        busy[subject, default: []].append((start, end))
        if occupants[window] == nil {
            let count = context.occurrences(of: window).count
            occupants[window] = [Set<String>](repeating: [], count: count)
            nextOpen[window] = Array(0...count)
        }
        occupants[window]?[position].insert(subject)
        placedOccurrences[subject, default: []].append((window, position))
        if let maxParallel = context.windows[window]?.maxParallel, (occupants[window]?[position].count ?? 0) >= maxParallel {
            nextOpen[window]?[position] = position + 1
        }
        placedBySubject[subject, default: []].append(index)

        switch step.kind {
        case .platformUpdate:
            if let management = step.management, let release = step.targetRelease {
                platformPlaced[management, default: []].append((end, start, release))
            }
        case .kubernetesUpgrade, .nodePoolUpgrade:
            if let clusterName = step.cluster, let version, let position = context.clusterIndex[clusterName] {
                let cluster = context.clusters[position]
                step.version = version
                step.to = version.description
                if step.kind == .kubernetesUpgrade { step.from = controlPlane[clusterName]?.description ?? step.from }
                if step.movesControlPlane { controlPlane[clusterName] = version }
                var changes: [PlanStep.ImageChange] = []
                for pool in cluster.nodePools where step.movedPools.contains(pool.name) {
                    if step.kind == .nodePoolUpgrade { step.from = poolVersion[clusterName]?[pool.name]?.description ?? step.from }
                    poolVersion[clusterName]?[pool.name] = version
                    let current = poolImage[clusterName]?[pool.name] ?? pool.nodeImage
                    if let image = context.newestImage(family: pool.imageFamily.name, for: version, on: start.utcDate), current < image.version {
                        changes.append(PlanStep.ImageChange(nodePool: pool.name, from: current.text, to: image.version.text))
                        poolImage[clusterName]?[pool.name] = image.version
                    }
                }
                step.imageChanges = changes
                if let management = step.management, let release = releaseInEffect(management, at: start) {
                    let systems = Set(cluster.nodePools.map(\.os))
                    step.knownIssues = release.knownIssues.filter { issue in
                        issue.affectedVersions.contains(version) && (issue.affectedOS.map { systems.contains($0) } ?? true)
                    }.map(\.id)
                }
                if let gate = soakGate(of: index) {
                    if (soakByMinor[gate]?.end).map({ $0 < end }) ?? true { soakByMinor[gate] = (end, index) }
                    if (soakByVersion[gate]?[version]?.end).map({ $0 < end }) ?? true { soakByVersion[gate, default: [:]][version] = (end, index) }
                }
                if let management = step.management {
                    workloadLatestEnd[management] = max(workloadLatestEnd[management] ?? end, end)
                }
            }
        case .nodeImageUpdate:
            if let clusterName = step.cluster, let pool = step.pool, let image = step.targetImage {
                // Image updates are placed after the Kubernetes steps, but run before any that brings a
                // newer image: only a newer image replaces what the pool is known to run.
                if let known = poolImage[clusterName]?[pool], known < image.version { poolImage[clusterName]?[pool] = image.version }
                if let management = step.management {
                    workloadLatestEnd[management] = max(workloadLatestEnd[management] ?? end, end)
                }
            }
        case .certificateRotation:
            break
        }
        steps[index] = step
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

    func placedIndices(of subject: String) -> [Int] {
        placedBySubject[subject] ?? []
    }

    func controlPlaneVersion(of cluster: String) -> KubernetesVersion? {
        controlPlane[cluster]
    }

    func placedSteps(of subject: String) -> [StepDraft] {
        (placedBySubject[subject] ?? []).map { steps[$0] }
    }

    func platformUpdates(of management: String) -> [(end: Instant, start: Instant, release: PlatformRelease)] {
        platformPlaced[management] ?? []
    }

    /// The last occurrence of a window that ends at or before `deadline` and starts at or after `earliest`,
    /// not frozen, with room and the subject free: where a certificate rotation goes.
    func latestSlot(_ index: Int, endingBy deadline: Instant, earliest: Instant) -> (WindowOccurrence, Instant, String, Int)? {
        guard let window = windowName(steps[index]) else { return nil }
        let duration = steps[index].estimatedMinutes
        let occurrences = context.occurrences(of: window)
        for position in occurrences.indices.reversed() {
            let occurrence = occurrences[position]
            guard occurrence.end <= deadline && occurrence.start >= earliest else { continue }
            if isFrozen(steps[index], occurrence) { continue }
            let subject = steps[index].subjectName
            let free = !(busy[subject] ?? []).contains { $0.start < occurrence.start.adding(minutes: duration) && occurrence.start < $0.end }
            if free && duration <= occurrence.durationMinutes { return (occurrence, occurrence.start, window, position) }
        }
        return nil
    }

    func commitFixed(_ index: Int, slot: (WindowOccurrence, Instant, String, Int)) {
        commit(index, occurrence: slot.0, start: slot.1, version: nil, window: slot.2, position: slot.3)
        settled.append(true)
        successors.append([])
        pending.append(0)
    }
}
