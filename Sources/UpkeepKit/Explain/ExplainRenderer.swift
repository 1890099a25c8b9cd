/// `upkeep explain --format text|json`.
public enum ExplainRenderer {
    public static func json(_ explanation: StepExplanation) -> String {
        value(explanation).rendered(inlineFrom: 3)
    }

    /// Several explanations (`explain --cluster`): a JSON array of them, in plan order.
    public static func json(_ explanations: [StepExplanation]) -> String {
        JSONValue.array(explanations.map(value)).rendered(inlineFrom: 4)
    }

    static func value(_ explanation: StepExplanation) -> JSONValue {
        let step = explanation.step
        let reasons: [JSONValue] = explanation.reasons.map { reason in
            .object(["text": .string(reason.text), "source": .string(reason.source?.description)])
        }
        let constraints: [JSONValue] = explanation.constraints.map { constraint in
            let members: [String: JSONValue] = [
                "kind": .string(constraint.kind),
                "notBefore": .string(constraint.notBefore.description),
                "binding": .bool(constraint.binding),
                "steps": .array(constraint.steps.map { .string($0) }),
                "detail": .string(constraint.detail),
            ]
            return .object(members)
        }
        // The step as the plan file writes it, and what only an explanation holds beside it.
        guard case .object(var members) = PlanJSONRenderer.stepValue(step) else { return .null }
        members["reasonSources"] = .array(reasons)
        members["constraints"] = .array(constraints)
        members["unblocks"] = .array(explanation.unblocks.map { .string($0) })
        members["fix"] = .string(explanation.fix)
        return .object(members)
    }

    public static func text(_ explanation: StepExplanation) -> String {
        let step = explanation.step
        var lines = ["\(step.id): \(step.kind.rawValue) \(step.from) → \(step.to), \(step.status.rawValue)"]
        if let start = step.start, let end = step.end, let occurrence = step.occurrence {
            lines.append("  runs \(start) – \(end) in window \(occurrence.window) (\(occurrence.start) – \(occurrence.end))")
        } else {
            lines.append("  has no slot")
        }
        if let due = step.due { lines.append("  due \(due): \(step.dueReason ?? "")") }
        lines.append("")
        lines.append("Why it exists")
        for reason in explanation.reasons {
            lines.append("  - \(reason.text)\(reason.source.map { " (\($0))" } ?? "")")
        }
        lines.append("")
        lines.append("Why then")
        if explanation.constraints.isEmpty { lines.append("  (nothing was weighed: the step was not placed)") }
        for constraint in explanation.constraints {
            let names = constraint.steps.isEmpty ? "" : " [\(constraint.steps.joined(separator: ", "))]"
            let detail = constraint.detail.isEmpty ? "" : ": \(constraint.detail)"
            lines.append("  \(constraint.binding ? "*" : "-") \(constraint.kind), not before \(constraint.notBefore)\(names)\(detail)\(constraint.binding ? "  ← binding" : "")")
        }
        lines.append("")
        lines.append("What waits for it")
        lines.append(explanation.unblocks.isEmpty ? "  nothing" : "  " + explanation.unblocks.joined(separator: ", "))
        if let fix = explanation.fix {
            lines.append("")
            lines.append("What would fix it")
            lines.append("  \(fix)")
        }
        return lines.flatMap { TextWrap.wrap($0) }.joined(separator: "\n") + "\n"
    }
}
