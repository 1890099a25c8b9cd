/// One thing that kept a step from starting earlier, recorded by the scheduler while it placed the step
/// (planning.md 5): what `upkeep explain` shows under "why on this date". It holds values, not text: the
/// words are made only for the step being explained (`PlanStep.Constraint`).
struct PlacementConstraint {
    enum Kind: String {
        /// The plan starts on `--as-of`.
        case asOf = "as-of"
        /// The release, version or image the step brings is out from this day.
        case releaseAvailable = "release-available"
        /// A step it waits for (its predecessor, or another step of its cluster) ends then.
        case after
        /// Its management cluster's platform update ends then.
        case platformUpdate = "platform-update"
        /// An earlier ring's step to the same version, plus that ring's soak, ends then.
        case soak
        /// A freeze covers the occurrences up to then.
        case freeze
        /// The occurrence had no room left for it (its cluster busy, or too little time before the end).
        case occurrenceFull = "occurrence-full"
        /// The occurrence already had as many clusters as its window's limit (`max-parallel`).
        case clusterLimit = "max-parallel"
        /// The window occurrence it landed in opens then.
        case window
    }

    /// What a constraint names besides its kind, time and steps: plain numbers and days only, so that
    /// recording it touches no shared text (the scheduler records tens of thousands of these on several
    /// threads); what it refers to — the step's own window, target, freeze — is looked up when it is told.
    enum Detail {
        case none
        case asOf(CalendarDate)
        /// The step's target (release, image, Kubernetes minor) is out that day.
        case available(CalendarDate)
        /// Another step of the same cluster runs then.
        case clusterBusy
        /// The management cluster's platform update runs then.
        case platformBusy
        /// A platform update waits for the steps already placed for its clusters.
        case clustersFirst
        /// The step it waits for has no slot.
        case noSlot
        /// The ring (by position in the policy) whose soak holds the step (the version soaking is the step's).
        case soak(ring: Int)
        /// The freeze, by position among the schedule's freezes.
        case freeze(Int)
        /// An occurrence of the step's window without room for its minutes.
        case occurrenceFull(minutes: Int, start: Instant, end: Instant)
        /// An occurrence of the step's window that already had `limit` clusters.
        case clusterLimit(limit: Int, start: Instant, end: Instant)
        /// The occurrence the step landed in.
        case window
        /// A certificate rotation's occurrence: the last one that ends a week before the expiry.
        case rotationWindow
    }

    var kind: Kind
    /// The earliest start this constraint allowed.
    var notBefore: Instant
    /// The step it names (by position in the schedule): a predecessor, the soaking step, the step that
    /// keeps the cluster busy. (A `max-parallel` constraint names the steps that filled its occurrence,
    /// found from the plan when it is explained: no other cluster can join a full occurrence later.)
    var step: Int? = nil
    var detail: Detail = .none
    /// The constraint that decided the start.
    var binding = false

    /// Planning.md's words for it (made only for the step being explained).
    func describe(for step: PlanStep, rings: [Ring], freezes: [Freeze]) -> String {
        let window = step.occurrence?.window ?? "its window"
        switch detail {
        case .none: return ""
        case .asOf(let day): return "the plan starts on \(day)"
        case .available(let day):
            switch step.kind {
            case .platformUpdate: return "release \(step.to) is out on \(day)"
            case .nodeImageUpdate: return "image \(step.to) is out on \(day)"
            case .certificateRotation: return "its target is out on \(day)"
            case .kubernetesUpgrade, .nodePoolUpgrade: return "Kubernetes \(step.to) is offered to the cluster from \(day)"
            }
        case .clusterBusy: return "its cluster runs one step at a time"
        case .platformBusy: return "no workload step runs during its management cluster's update"
        case .clustersFirst: return "the steps already placed for its clusters end first"
        case .noSlot: return "the step it waits for has no slot"
        case .soak(let ring):
            guard ring < rings.count else { return "an earlier ring soaks \(step.to)" }
            return "ring \(rings[ring].name) soaks \(step.to) for \(rings[ring].soak.days) days"
        case .freeze(let index):
            guard index < freezes.count else { return "a freeze" }
            let freeze = freezes[index]
            return "freeze \(freeze.name) (\(freeze.from) – \(freeze.to))"
        case .occurrenceFull(let minutes, let start, let end):
            return "it needs \(TimeSpan(minutes: minutes).humanDescription) and \(window) \(start) – \(end) had no such room left"
        case .clusterLimit(let limit, let start, let end):
            return "window \(window) takes at most \(limit) clusters an occurrence; \(start) – \(end) was full"
        case .window:
            return step.occurrence.map { "window \($0.window), \($0.start) – \($0.end)" } ?? "its window"
        case .rotationWindow:
            return (step.occurrence.map { "window \($0.window), \($0.start) – \($0.end)" } ?? "its window")
                + ": the last occurrence that ends at least 7 days before the certificates expire"
        }
    }
}
