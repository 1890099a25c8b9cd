/// `upkeep explain`: one step of a plan, told in full — why it exists (each reason with the input position
/// that caused it), why it starts when it does (every constraint the scheduler recorded while placing it,
/// the binding one marked), what waits for it, and for a step that is late, blocked or unschedulable, what
/// would fix it.
public struct StepExplanation: Sendable {
    public struct Reason: Sendable {
        public var text: String
        /// `file:line:col` of the release, advisory, policy key or fleet entry behind it.
        public var source: SourcePosition?
    }

    public var step: PlanStep
    public var reasons: [Reason]
    /// What decided its start, recorded while it was placed.
    public var constraints: [PlanStep.Constraint]
    /// The steps that list it in `after`, in plan order.
    public var unblocks: [String]
    /// For a late, blocked or unschedulable step: what would make it on time or give it a slot.
    public var fix: String?

    /// The explanation of the step `id` in `plan`; nil when the plan has no such step. `windowOf` gives a
    /// step's window, `entryOf` its fleet entry (the pool's for a pool step): the source of a reason that
    /// names none of its own.
    public init?(id: String, plan: Plan, windowOf: (PlanStep) -> String?, entryOf: (PlanStep) -> SourcePosition?) {
        guard let step = plan.steps.first(where: { $0.id == id }) else { return nil }
        self.step = step
        let entry = entryOf(step)
        reasons = step.reasons.enumerated().map { index, text in
            Reason(text: text, source: (index < step.reasonSources.count ? step.reasonSources[index] : nil) ?? entry)
        }
        constraints = plan.constraints(of: step)
        unblocks = plan.steps.filter { $0.after.contains(id) }.map(\.id)
        fix = Self.fix(for: step, constraints: constraints, window: windowOf(step), asOf: plan.asOf)
    }

    /// The closest step ids to a mistyped one.
    public static func closestIDs(to id: String, in plan: Plan) -> [String] {
        NameSuggestion.closest(to: id, among: plan.steps.map(\.id))
    }

    /// The binding constraint, if the step was placed.
    public var binding: PlanStep.Constraint? { constraints.first { $0.binding } }

    /// What would make it on time, or that nothing can: advice never names a day already past on `asOf`.
    private static func fix(for step: PlanStep, constraints: [PlanStep.Constraint], window: String?, asOf: CalendarDate) -> String? {
        let window = window.map { "window \($0)" } ?? "its window"
        switch step.status {
        case .scheduled:
            return nil
        case .late:
            let binding = constraints.first { $0.binding }
            let held = binding.map { "it cannot start before \($0.notBefore) (\($0.kind)\($0.detail.isEmpty ? "" : ": \($0.detail)"))" } ?? "it starts too late"
            let advice = StepFindings.lateAdvice(due: step.due, asOf: asOf, window: window)
            let lifting = step.due.map { $0 < asOf } ?? false ? "lifting that constraint would bring it forward" : "so would lifting that constraint"
            return "it ends \(step.end?.description ?? "?"), after its due date \(step.due?.description ?? "?"): \(held); \(advice); \(lifting)."
        case .blocked:
            return "\(step.reasons.last ?? "it waits for something that never comes"): resolve that, and it will be planned."
        case .unschedulable:
            return "\(step.reasons.last ?? "no slot")\(StepFindings.windowAdvice(step.reasons.last, window: window))."
        }
    }
}
