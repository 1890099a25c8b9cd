/// The findings a plan carries besides the support rules': one per late, blocked or unschedulable step
/// (planning.md 5), and one per advisory a cluster is exposed to that no planned step fixes.
enum StepFindings {
    /// Late, blocked and unschedulable steps explain themselves as findings on their subject.
    /// `clusterPosition`: the step's cluster in `context.clusters`, when the caller knows it.
    static func stepFindings(_ step: PlanStep, blockedReason: String?, clusterPosition: Int? = nil, context: PlanningContext) -> [Finding] {
        guard step.status != .scheduled else { return [] }
        let cluster = clusterPosition ?? step.cluster.flatMap { context.clusterIndex[$0] }
        let position: SourcePosition? = cluster.map { context.clusters[$0].position }
            ?? step.managementCluster.flatMap { context.engine.managementClusters[$0]?.position }
        let window = cluster.flatMap { context.clusters[$0].window?.name }
            ?? step.managementCluster.flatMap { context.engine.managementClusters[$0]?.window?.name } ?? "its window"
        // What the step is due for: certificates, an advisory its due reason names first, or support.
        let concern: FindingConcern = step.kind == .certificateRotation ? .certificates
            : step.fixes.contains(where: { step.dueReason?.hasPrefix($0) ?? false }) ? .advisory : .support
        switch step.status {
        case .scheduled:
            return []
        case .late:
            let advice = lateAdvice(due: step.due, asOf: context.asOf, window: "window \(window)")
            return [Finding(.error, code: "step-late", subject: step.subject,
                            message: "\(step.id) ends on \(step.end?.description ?? "?"), after its due date \(step.due?.description ?? "?") (\(step.dueReason ?? "")); \(advice).",
                            position: position, due: step.due, concern: concern)]
        case .unschedulable:
            return [Finding(.error, code: "step-unschedulable", subject: step.subject,
                            message: "\(step.id) cannot be scheduled: \(blockedReason ?? "no slot")\(windowAdvice(blockedReason, window: "window \(window)")).",
                            position: position, due: step.due, concern: concern)]
        case .blocked:
            return [Finding(.warning, code: "step-blocked", subject: step.subject,
                            message: "\(step.id) is blocked: \(blockedReason ?? "it waits for a step with no slot")\(step.due.map { "; it is due \($0)" } ?? "").",
                            position: position, due: step.due, concern: concern)]
        }
    }

    /// What a late step's finding and `explain` advise. Never a day already past: a step due before the plan
    /// starts cannot be made on time by any occurrence.
    static func lateAdvice(due: CalendarDate?, asOf: CalendarDate, window: String) -> String {
        due.map { $0 < asOf } ?? false
            ? "it was due before the plan starts (\(asOf)), so no occurrence makes it on time: it takes the earliest occurrence of \(window) it may"
            : "an earlier, longer or extra occurrence of \(window) would make it on time"
    }

    /// What an unschedulable step's finding and `explain` add to its reason: a longer or extra occurrence of its
    /// window, unless the reason is one no window can change (no version to take).
    static func windowAdvice(_ reason: String?, window: String) -> String {
        (reason ?? "").hasPrefix("no release offers") ? "" : "; a longer or extra occurrence of \(window) would make room"
    }

    /// Advisories a cluster is exposed to, with a fix, that no planned step fixes.
    static func advisoryGaps(_ steps: [StepRequirement], context: PlanningContext, reported: [Finding]) -> [Finding] {
        var findings: [Finding] = []
        var fixedBy: [String: Set<String>] = [:]
        for step in steps where !step.fixes.isEmpty {
            if let cluster = step.cluster { fixedBy[cluster, default: []].formUnion(step.fixes) }
        }
        var reportedBy: [String: [String]] = [:]
        for finding in reported { reportedBy[finding.subject, default: []].append(finding.message) }
        for cluster in context.clusters {
            if context.cannotBeUpdated(cluster) { continue }
            let fixed = fixedBy[cluster.name] ?? []
            let messages = reportedBy["cluster/\(cluster.name)"] ?? []
            for exposure in AdvisoryExposureRule.clusterExposures(cluster, advisories: context.engine.inputs.advisories, policy: context.policy)
            where !exposure.unfixed && !fixed.contains(exposure.advisoryID)
                && !messages.contains(where: { $0.contains(exposure.advisoryID) }) {
                findings.append(Finding(.warning, code: "nothing-to-fix-with", subject: "cluster/\(cluster.name)",
                                        message: "cluster \(cluster.name) is exposed to \(exposure.advisoryID) (due \(exposure.due?.description ?? "no date")), but no version offered to it within the horizon fixes it.",
                                        position: cluster.position, due: exposure.due,
                                        cause: "is exposed to \(exposure.advisoryID) (due \(exposure.due?.description ?? "no date")), but no version offered to it within the horizon fixes it."))
            }
        }
        return findings
    }

}
