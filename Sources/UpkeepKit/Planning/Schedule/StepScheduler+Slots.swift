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
    mutating func findSlot(_ index: Int, window: Int, earliest: Instant) -> Slot? {
        let step = requirements[index]
        let subject = numbers.subject[index]
        let occurrences = windows.occurrences[window]
        let clusterLimit = windows.clusterLimit[window]
        let duration = step.estimatedMinutes
        let searchEnd = Instant(startOf: context.searchEnd.adding(days: 1))
        // A workload step also waits for its management cluster's platform updates.
        let management = step.cluster == nil ? nil : numbers.management[index]
        var low = 0, high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].end <= earliest { low = middle + 1 } else { high = middle }
        }
        var passed = PassedOver()
        var position = low
        while position < occurrences.count {
            let occurrence = occurrences[position]
            if occurrence.start >= searchEnd { return nil }
            if let clusterLimit, !state.occupants[window][position].contains(subject), state.occupants[window][position].count >= clusterLimit {
                // Full for newcomers: jump to the next occurrence with room, unless this subject already
                // has a step in a full one in between (rare; it may add another there).
                let open = state.firstOpen(window, from: position)
                var next = open
                for placed in state.placedOccurrences[subject] where placed.window == window && placed.index > position && placed.index < next {
                    next = placed.index
                }
                passed.pass(.clusterLimit, until: occurrences[max(position, next - 1)].end, .clusterLimit(limit: clusterLimit, start: occurrence.start, end: occurrence.end))
                position = next
                continue
            }
            defer { position += 1 }
            if let freeze = freeze(of: step, subject: subject, occurrence) {
                passed.pass(.freeze, until: occurrence.end, freeze: freeze, .freeze(freeze))
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
                    moves.append(PlacementConstraint(kind: .after, notBefore: interval.end, step: interval.step, detail: .clusterBusy))
                    moved = true
                }
                if let management {
                    for update in platform.placed[management] where update.start < candidate.adding(minutes: duration) && candidate < update.end {
                        candidate = update.end
                        moves.append(PlacementConstraint(kind: .platformUpdate, notBefore: update.end, step: update.step, detail: .platformBusy))
                        moved = true
                    }
                }
            }
            if candidate.adding(minutes: duration) <= occurrence.end {
                return Slot(occurrence: occurrence, start: candidate, position: position, constraints: passed.constraints + moves)
            }
            passed.pass(.occurrenceFull, until: occurrence.end, .occurrenceFull(minutes: duration, start: occurrence.start, end: occurrence.end))
        }
        return nil
    }

    /// The occurrences a step was passed over in: one constraint per run of them passed over for the same
    /// reason (for a freeze, the same freeze), ending where the run ends.
    struct PassedOver {
        var constraints: [PlacementConstraint] = []
        var lastFreeze: Int?

        /// Returns true when it starts a new run.
        @discardableResult
        mutating func pass(_ kind: PlacementConstraint.Kind, until end: Instant, freeze: Int? = nil,
                           _ detail: @autoclosure () -> PlacementConstraint.Detail) -> Bool {
            if let last = constraints.last, last.kind == kind, kind != .freeze || lastFreeze == freeze {
                constraints[constraints.count - 1].notBefore = end
                return false
            }
            constraints.append(PlacementConstraint(kind: kind, notBefore: end, detail: detail()))
            lastFreeze = freeze
            return true
        }
    }

    /// Planning.md 5, freezes: an occurrence touching a freeze day is frozen for the rings it names (all
    /// when none); `allow: security` lets steps that fix an advisory through; platform steps obey only
    /// freezes that name no rings. Returns the freeze that holds the step back (its position among the
    /// schedule's freezes).
    func freeze(of step: StepRequirement, subject: Int, _ occurrence: WindowOccurrence) -> Int? {
        for (index, freeze) in context.freezes.enumerated() where occurrence.firstLocalDate <= freeze.to && occurrence.lastLocalDate >= freeze.from {
            if let rings = freeze.rings {
                guard step.cluster != nil, let ringName = subjects.ring[subject], rings.contains(where: { $0.name == ringName }) else { continue }
            }
            if freeze.allow == .security && step.securityFix { continue }
            return index
        }
        return nil
    }

    // MARK: Certificate rotations

    /// Places a certificate rotation in the last occurrence of its management cluster's window that ends by
    /// `deadline` and starts at or after `earliest` (not frozen, the subject free); when there is none, as
    /// early as any other step. Returns when it ends (nil: no slot).
    mutating func placeCertificateRotation(_ draft: StepDraft, endingBy deadline: Instant, earliest: Instant) -> Instant? {
        let index = add(draft)
        numberSteps()
        if let slot = latestSlot(index, endingBy: deadline, earliest: earliest) {
            record(index, [
                PlacementConstraint(kind: .asOf, notBefore: Instant(startOf: context.asOf), detail: .asOf(context.asOf)),
                PlacementConstraint(kind: .window, notBefore: slot.occurrence.start, detail: .rotationWindow, binding: true),
            ])
            commit(index, occurrence: slot.occurrence, start: slot.occurrence.start, version: nil, window: slot.window, position: slot.position)
            readiness.grow(to: requirements.count)
            readiness.settle(index)
        } else {
            run(.serial)  // one rotation: placed like any other step
        }
        return placements[index].end
    }

    /// The last occurrence of a window that ends at or before `deadline` and starts at or after `earliest`,
    /// not frozen, with room and the subject free: where a certificate rotation goes.
    private func latestSlot(_ index: Int, endingBy deadline: Instant, earliest: Instant) -> (occurrence: WindowOccurrence, window: Int, position: Int)? {
        let subject = numbers.subject[index]
        guard let window = subjects.window[subject] else { return nil }
        let duration = requirements[index].estimatedMinutes
        let occurrences = windows.occurrences[window]
        for position in occurrences.indices.reversed() {
            let occurrence = occurrences[position]
            guard occurrence.end <= deadline && occurrence.start >= earliest else { continue }
            if freeze(of: requirements[index], subject: subject, occurrence) != nil { continue }
            let free = !state.busy[subject].contains { $0.start < occurrence.start.adding(minutes: duration) && occurrence.start < $0.end }
            if free && duration <= occurrence.durationMinutes { return (occurrence, window, position) }
        }
        return nil
    }
}
