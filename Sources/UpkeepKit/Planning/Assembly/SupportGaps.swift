/// Planning.md, "Support through the horizon": the days a subject's states leave it out of support, and whether
/// something in the plan covers them.
///
/// A gap opens on the first day a state is out of support (on or before its last day) and lasts until a state
/// that is supported on the day it begins. The step that closes it covers it when late (`step-late`); a gap no
/// step closes is covered by a step of the subject without a slot (`step-blocked`, `step-unschedulable`), or by the
/// operator's own finding (a stopped cluster, a suspended subscription). Every other gap is a `support-gap-*`
/// error naming the subject, the day support ends, the rule that ends it and why no step fixes it.
enum SupportGaps {
    /// An uncovered gap, before it is written out (a cluster's pools with the same gap share one finding).
    struct Gap: Equatable {
        var code: String
        var first: CalendarDate
        var reason: String
        var running: SupportAfterPlan.Running
        /// Where the plan's steps leave the subject, when it is still out of support there: what it runs and why.
        var stillOut: (running: SupportAfterPlan.Running, reason: String)?
        var why: String
        /// A gap a step closes on time for its own due date, but too late for this one.
        var closedBy: (id: String, day: CalendarDate, due: CalendarDate?)?
        var startsBeforePlan: Bool

        static func == (a: Gap, b: Gap) -> Bool {
            a.code == b.code && a.first == b.first && a.reason == b.reason && a.running == b.running && a.why == b.why
                && a.stillOut?.running == b.stillOut?.running && a.stillOut?.reason == b.stillOut?.reason
                && a.closedBy?.id == b.closedBy?.id && a.startsBeforePlan == b.startsBeforePlan
        }

        /// The finding: `name` is the subject in words (`node pools a, b of cluster c` when `plural`).
        func finding(subject: String, name: String, plural: Bool, position: SourcePosition?) -> Finding {
            let verb = plural ? (startsBeforePlan ? "have been out of support since" : "are out of support from")
                : (startsBeforePlan ? "has been out of support since" : "is out of support from")
            if let closedBy {
                return Finding(.error, code: code, subject: subject,
                               message: "\(name) \(verb) \(first) (\(reason)) running \(running.text) until \(closedBy.id) ends on \(closedBy.day), though that step is due \(closedBy.due?.description ?? "on no date") and is not late: nothing in the plan was due by \(first).",
                               position: position)
            }
            // Appended piece by piece into one buffer: a large fleet writes tens of thousands of these.
            var message = ""
            message.reserveCapacity(name.utf8.count + reason.utf8.count + why.utf8.count + (stillOut?.reason.utf8.count ?? 0) + 200)
            message += name; message += " "; message += verb; message += " "; message += first.description; message += " ("; message += reason; message += ") "
            if let stillOut {
                message += plural ? "and are" : "and is"
                message += " still out of support where the plan's steps leave it, running "; message += stillOut.running.text
                message += " ("; message += stillOut.reason; message += ")"
            } else {
                message += "running "; message += running.text
            }
            message += ", and no step of the plan fixes it within the horizon: "; message += why; message += "."
            return Finding(.error, code: code, subject: subject, message: message, position: position)
        }
    }

    static func gaps(in states: [SupportAfterPlan.State], unplaced: Bool, context: PlanningContext,
                     cause: (SupportAfterPlan.State, SupportVerdict) -> (code: String, why: String)) -> [Gap] {
        var gaps: [Gap] = []
        var open: (first: CalendarDate, state: SupportAfterPlan.State, verdict: SupportVerdict)?
        for (index, state) in states.enumerated() {
            let begins = index == 0 ? context.asOf : state.since
            if let gap = open, state.support.isSupported(on: begins) {
                // Closed by the step that ended the state before: covered when that step is late.
                if let step = states[index - 1].closedBy, step.status != .late, !operatorActs(gap.verdict) {
                    gaps.append(Gap(code: "support-gap-unplanned", first: gap.first, reason: gap.verdict.reason, running: gap.state.running,
                                    stillOut: nil, why: "", closedBy: (step.id, state.since, step.due), startsBeforePlan: gap.first <= context.asOf))
                }
                open = nil
            }
            guard open == nil, let end = state.support.supportedUntil else { continue }
            let first = index == 0 ? end : max(end, state.since)
            guard first <= state.lastDay, first <= context.horizonEnd, let verdict = state.support.bindingVerdict else { continue }
            open = (first, state, verdict)
        }
        if let gap = open, !unplaced, !operatorActs(gap.verdict), let last = states.last {
            // The cause is the rule that still holds where the plan's steps leave the subject.
            let binding = last.support.bindingVerdict
            let verdict = binding.flatMap { $0.isSupported(on: context.horizonEnd) ? nil : $0 }
                ?? last.support.orderedVerdicts.first { !$0.isSupported(on: context.horizonEnd) } ?? gap.verdict
            let (code, why) = cause(last, verdict)
            gaps.append(Gap(code: code, first: gap.first, reason: gap.verdict.reason, running: gap.state.running,
                            stillOut: last.since == gap.state.since ? nil : (last.running, verdict.reason), why: why, closedBy: nil,
                            startsBeforePlan: gap.first <= context.asOf))
        }
        return gaps
    }

    /// One finding per gap a cluster's pools share (same cause, day, rule and state): `node pools a, b and c of
    /// cluster X`, its subject the cluster; a pool's own subject when only it has the gap. A fleet's pools mostly
    /// run the same image, and one line per pool would bury the rest.
    static func merged(_ gaps: [(pool: Int, gap: Gap)], of cluster: WorkloadCluster) -> [Finding] {
        var groups: [(gap: Gap, pools: [Int])] = []
        for entry in gaps {
            if let index = groups.firstIndex(where: { $0.gap == entry.gap }) {
                groups[index].pools.append(entry.pool)
            } else {
                groups.append((entry.gap, [entry.pool]))
            }
        }
        return groups.map { group in
            let first = group.pools[0]
            let name = cluster.nodePools[first].name
            if group.pools.count == 1 {
                return group.gap.finding(subject: "cluster/\(cluster.name)/pool/\(name)", name: "node pool \(name) of cluster \(cluster.name)",
                                         plural: false, position: cluster.nodePools[first].position)
            }
            let names = group.pools.map { cluster.nodePools[$0].name }.joined(separator: ", ")
            return group.gap.finding(subject: "cluster/\(cluster.name)", name: "node pools \(names) of cluster \(cluster.name)",
                                     plural: true, position: cluster.nodePools[first].position)
        }
    }

    /// A stopped cluster or a suspended subscription: the operator acts, and their findings say so.
    static func operatorActs(_ verdict: SupportVerdict) -> Bool {
        verdict.rule == .stopped || verdict.rule == .subscription
    }

    /// Why no step moves a management cluster on: no later release, or later ones whose versions are unknown.
    static func managementCause(_ verdict: SupportVerdict, running: SupportAfterPlan.Running, timeline: PlatformTimeline?) -> (code: String, why: String) {
        guard verdict.rule == .platformRelease else { return ("support-gap-unplanned", "no step renews it in time") }
        guard case .release(_, let release) = running, let timeline else { return ("support-gap-no-release", "no later release in the feeds can be planned") }
        let unpublished = timeline.unpublishedReleases(newerThan: release)
        if timeline.releases(newerThan: release).isEmpty && !unpublished.isEmpty {
            return ("support-gap-versions-unknown", "later releases exist (\(unpublished.map(\.version.description).joined(separator: ", "))), but no source in the feeds publishes their Kubernetes versions, so none can be planned until the feed gives them")
        }
        if timeline.releases(newerThan: release).isEmpty {
            return ("support-gap-no-release", "no later \(timeline.platform) release is in the feeds")
        }
        return ("support-gap-unplanned", "a later release exists, but no platform update to it is placed in time")
    }

    static func kubernetesCause(_ verdict: SupportVerdict) -> (code: String, why: String) {
        switch verdict.rule {
        case .kubernetesMinor, .kubernetesPatch, .kubernetesEndOfLife:
            return ("support-gap-no-version", "no supported version is offered to it within the horizon")
        case .nodeImageAge, .imageFamilyEndOfLife:
            return ("support-gap-no-image", "no catalog has a newer image for it within the horizon")
        default:
            return ("support-gap-unplanned", "no step of the plan moves it in time")
        }
    }
}
