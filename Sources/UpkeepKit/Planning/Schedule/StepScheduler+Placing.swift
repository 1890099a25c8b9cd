/// Planning.md 5: placing one step at the earliest instant every constraint allows, and recording those
/// constraints on the step as it goes.
extension StepScheduler {
    mutating func fail(_ index: Int, _ status: PlanStep.Status, _ reason: String) {
        placements[index].status = status
        placements[index].blockedReason = reason
    }

    /// Records a step's constraints in the store.
    mutating func record(_ index: Int, _ constraints: [PlacementConstraint]) {
        let first = state.constraints.count
        state.constraints += constraints
        placements[index].constraintRange = first..<state.constraints.count
    }

    /// Places the step, or records why it cannot be. Returns a platform update still to be placed that the
    /// step must wait for instead (planning.md 3, "Platform first": its patch lost support before its slot,
    /// and only that update's release offers a supported one).
    mutating func place(_ index: Int) -> Int? {
        let step = requirements[index]
        let subject = numbers.subject[index]
        if let reason = step.blockedReason {
            fail(index, .blocked, reason)
            settleResult(index)
            return nil
        }
        if let missing = predecessors(of: index).first(where: { !placements[$0].placed }) {
            record(index, [PlacementConstraint(kind: requirements[missing].kind == .platformUpdate ? .platformUpdate : .after,
                                               notBefore: Instant(startOf: context.searchEnd), step: missing, detail: .noSlot)])
            fail(index, .blocked, "it waits for \(describe(missing)), which has no slot")
            settleResult(index)
            return nil
        }
        guard let window = subjects.window[subject] else {
            fail(index, .unschedulable, "\(step.cluster.map { "cluster \($0)" } ?? "management cluster \(step.management ?? "")") has no maintenance window")
            settleResult(index)
            return nil
        }
        let longest = windows.longest[window]
        if step.estimatedMinutes > longest {
            fail(index, .unschedulable, "it needs \(TimeSpan(minutes: step.estimatedMinutes).humanDescription); window \(windows.names[window]) is \(TimeSpan(minutes: longest).humanDescription)")
            settleResult(index)
            return nil
        }
        // The constraints go straight into the scheduler's one store (no array of their own per step).
        let first = state.constraints.count
        appendStartingConstraints(index)
        var earliest = Instant(startOf: context.asOf)
        for position in first..<state.constraints.count where state.constraints[position].notBefore > earliest {
            earliest = state.constraints[position].notBefore
        }
        var soakHold: PlacementConstraint?

        // The version depends on the day; soak depends on the version: settle both together.
        var start: Slot?
        var version: KubernetesVersion?
        var bound = earliest
        var refusedAt: Instant?
        for _ in 0..<4 {
            guard let slot = findSlot(index, window: window, earliest: bound) else { start = nil; break }
            start = slot
            guard step.targetMinor != nil else { break }
            guard let resolved = resolveVersion(index, at: slot.start) else {
                // A platform update already placed to end later brings a version: try again after it.
                if let later = placedUpdateOffering(index, after: slot.start), later > bound { bound = later; continue }
                start = nil; version = nil; refusedAt = slot.start; break
            }
            version = resolved
            if let soak = soakConstraint(index, version: resolved), soak.end > slot.start {
                soakHold = PlacementConstraint(kind: .soak, notBefore: soak.end, step: soak.step, detail: .soak(ring: soak.ring))
                bound = max(bound, soak.end)
                continue
            }
            break
        }
        if let soakHold {
            state.constraints.append(soakHold)
            placements[index].soakStep = soakHold.step
        }
        guard let slot = start else {
            placements[index].constraintRange = first..<state.constraints.count
            if step.targetMinor != nil && version == nil && findSlot(index, window: window, earliest: earliest) != nil {
                if let update = unplacedPlatformUpdateOffering(index) {
                    state.constraints.removeSubrange(first...)  // it is placed again after the update
                    placements[index].constraintRange = 0..<0
                    placements[index].soakStep = nil
                    return update
                }
                fail(index, .unschedulable, noVersionReason(index, at: refusedAt))
            } else {
                fail(index, .unschedulable, "no occurrence of window \(windows.names[window]) fits it before \(context.searchEnd) (a year after the horizon)")
            }
            settleResult(index)
            return nil
        }
        if let limit = step.mustEndBefore, slot.start.adding(minutes: step.estimatedMinutes) > limit {
            state.constraints.removeSubrange(first...)
            placements[index].constraintRange = 0..<0
            placements[index].dropped = true
            return nil
        }
        state.constraints += slot.constraints
        state.constraints.append(PlacementConstraint(kind: .window, notBefore: slot.occurrence.start, detail: .window))
        Self.markBinding(first..<state.constraints.count, in: &state.constraints, start: slot.start)
        placements[index].constraintRange = first..<state.constraints.count
        commit(index, occurrence: slot.occurrence, start: slot.start, version: version, window: window, position: slot.position)
        return nil
    }

    /// What bounds a step before any window is looked at: `--as-of`, what it waits for, the day its
    /// target is out, and (platform work) the steps already placed for the management cluster's clusters.
    private mutating func appendStartingConstraints(_ index: Int) {
        let step = requirements[index]
        state.constraints.append(PlacementConstraint(kind: .asOf, notBefore: Instant(startOf: context.asOf), detail: .asOf(context.asOf)))
        for predecessor in predecessors(of: index) {
            guard let end = placements[predecessor].end else { continue }
            state.constraints.append(PlacementConstraint(kind: requirements[predecessor].kind == .platformUpdate ? .platformUpdate : .after,
                                                   notBefore: end, step: predecessor))
        }
        // A target already out on `--as-of` adds nothing to `as-of`.
        if let available = step.availableFrom, available > context.asOf {
            state.constraints.append(PlacementConstraint(kind: .releaseAvailable, notBefore: Instant(startOf: available),
                                                   detail: .available(available)))
        }
        // Certificate renewal never waits for workload steps (planning.md 3, "Certificates first").
        if step.kind == .platformUpdate, let latest = state.workloadLatestEnd[numbers.subject[index]] {
            state.constraints.append(PlacementConstraint(kind: .after, notBefore: latest.end, step: latest.step, detail: .clustersFirst))
        }
    }

    /// Marks the constraint that decided the start: one that allows exactly that instant; else, when
    /// occurrences were passed over, the last reason for it; else the window itself.
    private static func markBinding(_ range: Range<Int>, in store: inout [PlacementConstraint], start: Instant) {
        // Indices only: a slice of the store kept alive while the store changes would copy it whole.
        let chosen = range.last { store[$0].notBefore == start && store[$0].kind != .window }
            ?? range.last { store[$0].kind == .freeze || store[$0].kind == .occurrenceFull || store[$0].kind == .clusterLimit }
            ?? range.last { store[$0].kind == .window }
        if let chosen { store[chosen].binding = true }
    }

    /// A platform update of the step's management cluster, not placed yet and not waiting for the step, whose
    /// release offers a patch of the step's minor that is supported when that release comes out.
    private func unplacedPlatformUpdateOffering(_ index: Int) -> Int? {
        let step = requirements[index]
        guard !step.bridge, let management = numbers.management[index], let minor = step.targetMinor,
              let position = subjects.cluster[numbers.subject[index]] else { return nil }
        let cluster = context.clusters[position]
        for candidate in platform.updates[management] where !readiness.isSettled(candidate) && !predecessors(of: candidate).contains(index) {
            guard let release = requirements[candidate].targetRelease else { continue }
            let patches = context.supportedPatches(of: minor, above: state.versions.controlPlane[position], in: release, to: cluster,
                                                   on: max(release.released, context.asOf))
            if patches.contains(where: { version in step.minimumVersion.map { !(version < $0) } ?? true }) { return candidate }
        }
        return nil
    }

    /// The end of the first platform update of the step's management cluster, placed to end after `instant`,
    /// whose release offers a patch the step may take, supported on the day the update ends.
    private func placedUpdateOffering(_ index: Int, after instant: Instant) -> Instant? {
        let step = requirements[index]
        guard let management = numbers.management[index], let minor = step.targetMinor,
              let position = subjects.cluster[numbers.subject[index]] else { return nil }
        let cluster = context.clusters[position]
        let later = platform.placed[management].filter { $0.end > instant }.sorted { $0.end < $1.end }
        return later.first { update in
            context.supportedPatches(of: minor, above: state.versions.controlPlane[position], in: update.release, to: cluster, on: update.end.utcDate)
                .contains { version in step.minimumVersion.map { !(version < $0) } ?? true }
        }?.end
    }

    /// Why a Kubernetes step has no version when it could first run, and what would give it one. The window is
    /// not the cause, so the finding gives no window advice (StepFindings.windowAdvice).
    private func noVersionReason(_ index: Int, at instant: Instant?) -> String {
        let minor = requirements[index].targetMinor?.description ?? ""
        let head = "no release offers a Kubernetes \(minor) version it may take when it could run"
        guard let instant, let (candidates, _) = versionCandidates(index, at: instant), let newest = candidates.last else {
            return head + " (\(instant.map { "on \($0.utcDate)" } ?? "then")); a release in the feed that offers one, reached in time, would give it one"
        }
        return head + ": on \(instant.utcDate), the first day it could run, \(newest) is the newest patch offered and it is out of support by then; "
            + "a release in the feed that offers a supported patch of \(minor), reached in time, would give it one"
    }
}
