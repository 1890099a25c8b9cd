/// Where the scheduler put a step, and what placing it settled: the schedule's own result, kept apart
/// from the step's `StepRequirement`.
struct StepPlacement: Sendable {
    /// Where it starts from and what it reaches, as placed (a Kubernetes step's version is settled on the
    /// day it runs; a rotation's `to` is the certificates' new expiry).
    var from: String
    var to: String
    var occurrence: WindowOccurrence?
    var start: Instant?
    var end: Instant?
    var status: PlanStep.Status = .scheduled
    /// Why it got no slot (its requirement's own reason, or one the scheduler found).
    var blockedReason: String?
    var imageChanges: [PlanStep.ImageChange] = []
    var knownIssues: [String] = []
    /// Steps it was found to wait for while scheduling (a platform update that brings its version), after
    /// its requirement's predecessors.
    var addedPredecessors: [Int] = []
    /// What decided its start, recorded while it was placed: its range in the scheduler's store.
    var constraintRange: Range<Int> = 0..<0
    /// The earlier-ring step whose soak held it (it waits for that step too).
    var soakStep: Int?
    /// An image update that would end after the Kubernetes step bringing a newer image: left out.
    var dropped = false

    /// Not placed yet: the requirement's own texts and reason to block it.
    init(_ requirement: StepRequirement) {
        from = requirement.from
        to = requirement.to
        blockedReason = requirement.blockedReason
    }

    /// An empty placement (to swap one out of an array without copying it).
    init() {
        from = ""
        to = ""
    }

    var placed: Bool { start != nil }
}
