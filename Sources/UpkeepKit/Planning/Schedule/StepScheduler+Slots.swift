/// Planning.md 5: where in a window a step fits — the occurrences, freezes, room, the cluster limit — and the
/// fixed slots certificate rotations take.
extension StepScheduler {
    /// Where a step would start, and what passed over the occurrences before it or moved it inside its
    /// occurrence.
    struct Slot {
        var occurrence: WindowOccurrence
        var start: Instant
        var position: Int
        var constraints: [PlacementConstraint]
    }

    /// The first instant at or after `earliest`, inside an occurrence of the window, where the step fits.
    func findSlot(_ index: Int, window: Int, earliest: Instant, _ state: inout PlacementState) -> Slot? {
        let step = steps[index]
        let subject = stepSubject[index]
        let occurrences = windowOccurrences[window]
        let clusterLimit = windowClusterLimit[window]
        let duration = step.estimatedMinutes
        let searchEnd = Instant(startOf: context.searchEnd.adding(days: 1))
        // A workload step also waits for its management cluster's platform updates.
        let platform = step.cluster == nil ? nil : stepManagement[index]
        var low = 0, high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].end <= earliest { low = middle + 1 } else { high = middle }
        }
        var passed: [PlacementConstraint] = []
        /// One constraint per run of occurrences passed over for the same reason.
        func pass(_ kind: PlacementConstraint.Kind, until end: Instant, steps named: [Int] = [], _ detail: @autoclosure () -> String) {
            if let last = passed.last, last.kind == kind, kind != .freeze || last.detail == detail() {
                passed[passed.count - 1].notBefore = end
            } else {
                passed.append(PlacementConstraint(kind: kind, notBefore: end, steps: named, detail: detail()))
            }
        }
        var position = low
        while position < occurrences.count {
            let occurrence = occurrences[position]
            if occurrence.start >= searchEnd { return nil }
            if let clusterLimit, !state.occupants[window][position].contains(subject), state.occupants[window][position].count >= clusterLimit {
                // Full for newcomers: jump to the next occurrence with room, unless this subject already
                // has a step in a full one in between (rare; it may add another there).
                let open = firstOpen(window, from: position, &state)
                var next = open
                for placed in state.placedOccurrences[subject] where placed.window == window && placed.index > position && placed.index < next {
                    next = placed.index
                }
                let taken = stepsIn(occurrence, subjects: state.occupants[window][position], state)
                pass(.clusterLimit, until: occurrences[max(position, next - 1)].end, steps: taken,
                     "window \(windowNames[window]) takes at most \(clusterLimit) clusters an occurrence; \(occurrence.start) – \(occurrence.end) was full")
                position = next
                continue
            }
            defer { position += 1 }
            if let freeze = freeze(of: step, subject: subject, occurrence) {
                pass(.freeze, until: occurrence.end, "freeze \(freeze.name) (\(freeze.from) – \(freeze.to))")
                continue
            }
            var candidate = max(earliest, occurrence.start)
            var moves: [PlacementConstraint] = []
            // One step at a time per cluster (and, for platform work, per management cluster).
            var moved = true
            while moved {
                moved = false
                for interval in state.busy[subject] where interval.start < candidate.adding(minutes: duration) && candidate < interval.end {
                    candidate = interval.end
                    moves.append(PlacementConstraint(kind: .after, notBefore: interval.end, steps: [interval.step],
                                                     detail: "its cluster runs one step at a time"))
                    moved = true
                }
                if let platform {
                    for update in platformPlaced[platform] where update.start < candidate.adding(minutes: duration) && candidate < update.end {
                        candidate = update.end
                        moves.append(PlacementConstraint(kind: .platformUpdate, notBefore: update.end, steps: [update.step],
                                                         detail: "no workload step runs during its management cluster's update"))
                        moved = true
                    }
                }
            }
            if candidate.adding(minutes: duration) <= occurrence.end {
                return Slot(occurrence: occurrence, start: candidate, position: position, constraints: passed + moves)
            }
            pass(.occurrenceFull, until: occurrence.end,
                 "it needs \(TimeSpan(minutes: duration).humanDescription) and \(occurrence.start) – \(occurrence.end) had no such room left")
        }
        return nil
    }

    /// The steps of these subjects that run in an occurrence (the ones that filled it).
    private func stepsIn(_ occurrence: WindowOccurrence, subjects: Set<Int>, _ state: PlacementState) -> [Int] {
        subjects.sorted().flatMap { subject in
            state.placedBySubject[subject].filter { steps[$0].occurrence?.start == occurrence.start }
        }
    }

    /// The first occurrence at or after `position` that still has room (or the end of the list).
    func firstOpen(_ window: Int, from position: Int, _ state: inout PlacementState) -> Int {
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
    /// freezes that name no rings. Returns the freeze that holds the step back.
    func freeze(of step: StepDraft, subject: Int, _ occurrence: WindowOccurrence) -> Freeze? {
        for freeze in context.freezes where occurrence.firstLocalDate <= freeze.to && occurrence.lastLocalDate >= freeze.from {
            if let rings = freeze.rings {
                guard step.cluster != nil, let ringName = subjectRing[subject], rings.contains(where: { $0.name == ringName }) else { continue }
            }
            if freeze.allow == .security && step.securityFix { continue }
            return freeze
        }
        return nil
    }

    // MARK: Certificate rotations

    /// Places a certificate rotation in the last occurrence of its management cluster's window that ends by
    /// `deadline` and starts at or after `earliest` (not frozen, the subject free); when there is none, as
    /// early as any other step. Returns when it ends (nil: no slot).
    func placeCertificateRotation(_ draft: StepDraft, endingBy deadline: Instant, earliest: Instant) -> Instant? {
        let index = add(draft)
        numberSteps()
        if let slot = latestSlot(index, endingBy: deadline, earliest: earliest) {
            draft.constraints = [
                PlacementConstraint(kind: .asOf, notBefore: Instant(startOf: context.asOf), detail: "the plan starts on \(context.asOf)"),
                PlacementConstraint(kind: .window, notBefore: slot.occurrence.start,
                                    detail: "window \(windowNames[slot.window]), \(slot.occurrence.start) – \(slot.occurrence.end): the last occurrence that ends at least 7 days before the certificates expire",
                                    binding: true),
            ]
            commit(index, occurrence: slot.occurrence, start: slot.occurrence.start, version: nil, window: slot.window, position: slot.position, &state)
            settled.append(true)
            successors.append([])
            pending.append(0)
        } else {
            run()
        }
        return steps[index].end
    }

    /// The last occurrence of a window that ends at or before `deadline` and starts at or after `earliest`,
    /// not frozen, with room and the subject free: where a certificate rotation goes.
    private func latestSlot(_ index: Int, endingBy deadline: Instant, earliest: Instant) -> (occurrence: WindowOccurrence, window: Int, position: Int)? {
        let subject = stepSubject[index]
        guard let window = subjectWindow[subject] else { return nil }
        let duration = steps[index].estimatedMinutes
        let occurrences = windowOccurrences[window]
        for position in occurrences.indices.reversed() {
            let occurrence = occurrences[position]
            guard occurrence.end <= deadline && occurrence.start >= earliest else { continue }
            if freeze(of: steps[index], subject: subject, occurrence) != nil { continue }
            let free = !state.busy[subject].contains { $0.start < occurrence.start.adding(minutes: duration) && occurrence.start < $0.end }
            if free && duration <= occurrence.durationMinutes { return (occurrence, window, position) }
        }
        return nil
    }
}
