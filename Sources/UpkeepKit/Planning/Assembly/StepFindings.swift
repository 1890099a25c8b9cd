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
        switch step.status {
        case .scheduled:
            return []
        case .late:
            // Advice never names a day already past: a step due before the plan starts cannot be made on time.
            let advice = step.due.map { $0 < context.asOf } ?? false
                ? "it was due before the plan starts (\(context.asOf)), so no occurrence makes it on time: it takes the earliest occurrence of window \(window) it may"
                : "an earlier, longer or extra occurrence of window \(window) would make it on time"
            return [Finding(.error, code: "step-late", subject: step.subject,
                            message: "\(step.id) ends on \(step.end?.description ?? "?"), after its due date \(step.due?.description ?? "?") (\(step.dueReason ?? "")); \(advice).",
                            position: position)]
        case .unschedulable:
            return [Finding(.error, code: "step-unschedulable", subject: step.subject,
                            message: "\(step.id) cannot be scheduled: \(blockedReason ?? "no slot")\(windowAdvice(blockedReason, window: "window \(window)")).",
                            position: position)]
        case .blocked:
            return [Finding(.warning, code: "step-blocked", subject: step.subject,
                            message: "\(step.id) is blocked: \(blockedReason ?? "it waits for a step with no slot")\(step.due.map { "; it is due \($0)" } ?? "").",
                            position: position)]
        }
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
                                        position: cluster.position))
            }
        }
        return findings
    }

    /// Findings in their order: severity, subject, code, message (equal ones as they came).
    static func sorted(_ findings: [Finding], execution: ExecutionOptions) -> [Finding] {
        // The fields are read where they are: copying two findings at every comparison would cost more
        // than the comparison.
        let order = execution.sortedIndices(Array(findings.indices)) { a, b in
            if findings[a].severity != findings[b].severity { return findings[a].severity < findings[b].severity }
            var order = UTF8Order.compare(findings[a].subject, findings[b].subject)
            if order == 0 { order = UTF8Order.compare(findings[a].code, findings[b].code) }
            if order == 0 { order = UTF8Order.compare(findings[a].message, findings[b].message) }
            return order != 0 ? order < 0 : a < b
        }
        return order.map { findings[$0] }
    }
}
