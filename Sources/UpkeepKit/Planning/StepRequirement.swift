/// What a step must achieve, as the scheduler receives it: a finished `StepDraft` that nothing changes
/// any more. Its fields read as the draft's (`requirement.targetMinor`).
///
/// A class holding one immutable value: the scheduler looks at a step tens of times while placing it, and
/// a reference is one count to move where a copy of the draft would move a dozen.
@dynamicMemberLookup
final class StepRequirement: Sendable {
    let draft: StepDraft
    /// The steps it waits for (positions among the scheduler's steps): the draft's, or those the image round gave
    /// when it added the step (then `draft.predecessors` is not read; the draft is not copied to change them).
    let predecessors: [Int]

    /// `predecessors`, when given, replace the draft's (without a second copy of the draft).
    init(_ draft: consuming StepDraft, predecessors: [Int]? = nil) {
        self.predecessors = predecessors ?? draft.predecessors
        self.draft = draft
    }

    subscript<Value>(dynamicMember field: KeyPath<StepDraft, Value>) -> Value {
        draft[keyPath: field]
    }
}
