/// Planning.md, "Support through the horizon": the days a subject's states leave it out of support, and whether
/// something in the plan covers them.
///
/// A gap opens on the first day a state is out of support (on or before its last day) and lasts until a state
/// that is supported on the day it begins. The step that closes it covers it when late (`step-late`); a gap no
/// step closes is covered by a step of the subject without a slot (`step-blocked`, `step-unschedulable`), or by the
/// operator's own finding (a stopped cluster, a suspended subscription). Every other gap is a `support-gap-*`
/// error naming the subject, the day support ends, the rule that ends it and why no step fixes it.
enum SupportGaps {
    /// An uncovered gap, before it is written out (a cluster's pools with the same gap share one finding). A class,
    /// so that grouping a cluster's pool gaps passes references instead of copying every field.
    final class Gap: Equatable {
        let code: String
        let first: CalendarDate
        let reason: String
        let running: SupportAfterPlan.Running
        /// Where the plan's steps leave the subject, when it is still out of support there: what it runs and why.
        let stillOut: (running: SupportAfterPlan.Running, reason: String)?
        let why: String
        /// A gap a step closes on time for its own due date, but too late for this one.
        let closedBy: (id: String, day: CalendarDate, due: CalendarDate?)?
        let startsBeforePlan: Bool

        init(code: String, first: CalendarDate, reason: String, running: SupportAfterPlan.Running,
             stillOut: (running: SupportAfterPlan.Running, reason: String)?, why: String,
             closedBy: (id: String, day: CalendarDate, due: CalendarDate?)?, startsBeforePlan: Bool) {
            self.code = code
            self.first = first
            self.reason = reason
            self.running = running
            self.stillOut = stillOut
            self.why = why
            self.closedBy = closedBy
            self.startsBeforePlan = startsBeforePlan
        }

        static func == (a: Gap, b: Gap) -> Bool {
            a.code == b.code && a.first == b.first && a.reason == b.reason && a.running == b.running && a.why == b.why
                && a.stillOut?.running == b.stillOut?.running && a.stillOut?.reason == b.stillOut?.reason
                && a.closedBy?.id == b.closedBy?.id && a.startsBeforePlan == b.startsBeforePlan
        }

        /// The finding: `name` is the subject in words (`node pools a, b of cluster c` when `plural`).
        func finding(subject: String, name: String, plural: Bool, position: SourcePosition?) -> Finding {
            let words = words(plural: plural)
            // What follows the name, in the singular, is the cause: pools of other clusters with the same gap share it.
            return Finding(.error, code: code, subject: subject, message: name + " " + words, position: position, due: first,
                           cause: plural ? self.words(plural: false) : words)
        }

        /// The message after the subject's name.
        private func words(plural: Bool) -> String {
            let verb = plural ? (startsBeforePlan ? "have been out of support since" : "are out of support from")
                : (startsBeforePlan ? "has been out of support since" : "is out of support from")
            var message = MessageText(capacity: reason.utf8.count + why.utf8.count + (stillOut?.reason.utf8.count ?? 0) + 240)
            message.add(verb); message.add(" "); message.add(first)
            message.add(" ("); message.add(reason); message.add(") ")
            if let closedBy {
                message.add("running "); running.write(to: &message); message.add(" until "); message.add(closedBy.id)
                message.add(" ends on "); message.add(closedBy.day); message.add(", though that step is due ")
                message.add(closedBy.due?.description ?? "on no date"); message.add(" and is not late: nothing in the plan was due by ")
                message.add(first); message.add(".")
            } else if let stillOut {
                message.add(plural ? "and are" : "and is")
                message.add(" still out of support where the plan's steps leave it, running "); stillOut.running.write(to: &message)
                message.add(" ("); message.add(stillOut.reason); message.add(")")
            } else {
                message.add("running "); running.write(to: &message)
            }
            if closedBy == nil {
                message.add(", and no step of the plan fixes it within the horizon: "); message.add(why); message.add(".")
            }
            return message.string
        }
    }

    /// The uncovered gaps in a subject's states. Walks the states by index: a state is copied only into a gap.
    /// `unplaced` says whether a step of the subject without a slot accounts for a gap still open at the horizon,
    /// given the support where the plan leaves the subject (the step's finding then says so; the gap adds nothing).
    /// `explained`: rules whose failure a fleet fact newer than `asOf` explains (its warning covers the gap).
    static func gaps(in states: [SupportAfterPlan.State], unplaced: (CombinedSupport) -> Bool, explained: Set<SupportRuleCode> = [],
                     context: PlanningContext, cause: (SupportAfterPlan.State, SupportVerdict) -> (code: String, why: String)) -> [Gap] {
        var gaps: [Gap] = []
        var open: (first: CalendarDate, state: Int, verdict: SupportVerdict)?
        for index in states.indices {
            let begins = index == 0 ? context.asOf : states[index].since
            if let gap = open, states[index].support.isSupported(on: begins) {
                // Closed by the step that ended the state before: covered when that step is late.
                if let step = states[index - 1].closedBy, step.status != .late, !operatorActs(gap.verdict), !explained.contains(gap.verdict.rule) {
                    gaps.append(Gap(code: "support-gap-unplanned", first: gap.first, reason: gap.verdict.reason, running: states[gap.state].running,
                                    stillOut: nil, why: "", closedBy: (step.id, states[index].since, step.due), startsBeforePlan: gap.first <= context.asOf))
                }
                open = nil
            }
            guard open == nil else { continue }
            let support = states[index].support
            var opens: (first: CalendarDate, verdict: SupportVerdict)?
            if let end = support.supportedUntil, let binding = support.bindingVerdict { opens = (index == 0 ? end : max(end, states[index].since), binding) }
            // A verdict out of support with no date (a kubelet skew a control-plane upgrade breaks, an unknown version)
            // opens the gap on the day the state begins.
            if let undated = support.verdicts.first(where: { if case .unsupported = $0.end { true } else { false } }), opens.map({ begins < $0.first }) ?? true { opens = (begins, undated) }
            guard let opens, opens.first <= states[index].lastDay, opens.first <= context.horizonEnd else { continue }
            open = (opens.first, index, opens.verdict)
        }
        if let gap = open, !operatorActs(gap.verdict), !explained.contains(gap.verdict.rule), let last = states.last {
            // The cause is the rule that still holds where the plan's steps leave the subject.
            let binding = last.support.bindingVerdict
            let verdict = binding.flatMap { $0.isSupported(on: context.horizonEnd) ? nil : $0 }
                ?? last.support.orderedVerdicts.first { !$0.isSupported(on: context.horizonEnd) } ?? gap.verdict
            if unplaced(last.support) { return gaps }
            let (code, why) = cause(last, verdict)
            gaps.append(Gap(code: code, first: gap.first, reason: gap.verdict.reason, running: states[gap.state].running,
                            stillOut: gap.state == states.count - 1 ? nil : (last.running, verdict.reason), why: why, closedBy: nil,
                            startsBeforePlan: gap.first <= context.asOf))
        }
        return gaps
    }

    /// One finding per gap a cluster's pools share (same cause, day, rule and state): `node pools a, b and c of
    /// cluster X`, its subject the cluster; a pool's own subject when only it has the gap. A fleet's pools mostly
    /// run the same image, and one line per pool would bury the rest.
    static func merged(_ gaps: [Gap], pools: [Int], of cluster: WorkloadCluster) -> [Finding] {
        // Groups by the index of their first gap (`gaps[i]` belongs to pool `pools[i]`), so that no gap is copied.
        var groups: [(first: Int, pools: [Int])] = []
        for index in gaps.indices {
            if let group = groups.firstIndex(where: { gaps[$0.first] == gaps[index] }) {
                groups[group].pools.append(pools[index])
            } else {
                groups.append((index, [pools[index]]))
            }
        }
        return groups.map { group in
            let first = cluster.nodePools[group.pools[0]]
            var subject = MessageText(capacity: 64), name = MessageText(capacity: 96)
            subject.add("cluster/"); subject.add(cluster.name)
            if group.pools.count == 1 {
                subject.add("/pool/"); subject.add(first.name)
                name.add("node pool "); name.add(first.name)
            } else {
                name.add("node pools ")
                for (position, pool) in group.pools.enumerated() {
                    if position > 0 { name.add(", ") }
                    name.add(cluster.nodePools[pool].name)
                }
            }
            name.add(" of cluster "); name.add(cluster.name)
            return gaps[group.first].finding(subject: subject.string, name: name.string, plural: group.pools.count > 1, position: first.position)
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
        // A published release beyond the unknown ones: the path stops short of it (with none, the sentence below).
        if timeline.pathBlock(after: release)?.nextKnown != nil, let reason = timeline.pathBlockReason(after: release) {
            return ("support-gap-versions-unknown", reason)
        }
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
