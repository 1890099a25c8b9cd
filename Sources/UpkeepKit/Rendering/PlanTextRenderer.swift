/// `upkeep plan --format text`: a table per window occurrence, the steps without a slot, the findings,
/// and a one-line summary.
public enum PlanTextRenderer {
    public static func render(_ plan: Plan) -> String {
        var lines = ["Upgrade plan from \(plan.asOf) to \(plan.horizonEnd)"] + (plan.view.map { TextWrap.wrap($0.sentence()) } ?? []) + [""]
        for group in PlanGroups.byOccurrence(plan) {
            lines.append("\(group.occurrence.window): \(group.occurrence.start) – \(group.occurrence.end)")
            var table = [["START", "SUBJECT", "STEP", "FROM → TO", "DUE", "STATUS"]]
            for step in group.steps {
                table.append([step.start?.description ?? "", PlanGroups.subject(step), step.kind.rawValue, "\(step.from) → \(step.to)",
                              step.due?.description ?? "-", step.status.rawValue])
            }
            lines += TextTable.render(table).map { "  " + $0 }
            lines.append("")
        }
        let unplaced = plan.steps.filter { $0.start == nil }
        if !unplaced.isEmpty {
            lines.append("Without a slot")
            var table = [["SUBJECT", "STEP", "FROM → TO", "DUE", "STATUS"]]
            for step in unplaced {
                table.append([PlanGroups.subject(step), step.kind.rawValue, "\(step.from) → \(step.to)", step.due?.description ?? "-", step.status.rawValue])
            }
            lines += TextTable.render(table).map { "  " + $0 }
            lines.append("")
        }
        if !plan.findings.isEmpty {
            lines.append("Findings")
            // Folded at 120 columns, continuation lines indented (TextWrap).
            lines += FindingGroup.grouping(plan.findings).flatMap { TextWrap.wrap("  " + $0.textLine) }
            lines.append("")
        }
        lines.append(PlanGroups.summary(plan))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Groupings shared by the human-readable plan outputs.
enum PlanGroups {
    struct OccurrenceGroup {
        var occurrence: WindowOccurrence
        var steps: [PlanStep]
    }

    static func byOccurrence(_ plan: Plan) -> [OccurrenceGroup] {
        var groups: [OccurrenceGroup] = []
        for step in plan.steps {
            guard let occurrence = step.occurrence else { continue }
            if let index = groups.firstIndex(where: { $0.occurrence == occurrence }) {
                groups[index].steps.append(step)
            } else {
                groups.append(OccurrenceGroup(occurrence: occurrence, steps: [step]))
            }
        }
        return groups.sorted { ($0.occurrence.start, $0.occurrence.window) < ($1.occurrence.start, $1.occurrence.window) }
    }

    static func subject(_ step: PlanStep) -> String {
        if let cluster = step.cluster { return step.nodePool.map { "\(cluster)/\($0)" } ?? cluster }
        return step.managementCluster ?? ""
    }

    /// `Plan: 31 steps in 14 windows, 1 late, 0 unschedulable; 1 error, 3 warnings.`
    static func summary(_ plan: Plan) -> String {
        let windows = Set(plan.steps.compactMap(\.occurrence)).count
        return "Plan: \(Plural.count(plan.steps.count, "step")) in \(Plural.count(windows, "window")), "
            + "\(plan.lateCount) late, \(plan.unschedulableCount) unschedulable; "
            + "\(Plural.count(plan.errorCount, "error")), \(Plural.count(plan.warningCount, "warning"))."
    }
}
