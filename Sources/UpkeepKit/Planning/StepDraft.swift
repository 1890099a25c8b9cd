/// A step while the plan is being made: what it must achieve (a target minor, a release, an image),
/// its reasons and deadline, and — once scheduled — its resolved version, slot and status.
///
/// A class: the scheduler reads and updates tens of thousands of these in place, and copying a value
/// this size at every look costs more than the planning itself. `copy()` makes an independent one.
final class StepDraft {
    var kind: PlanStep.Kind
    /// The workload cluster, for workload steps.
    var cluster: String?
    /// The management cluster: the subject of platform steps, and the one a managed cluster belongs to.
    var management: String?
    var pool: String?
    /// Image steps: the pool's position in its cluster's list.
    var poolIndex: Int?
    /// Position of the step within its subject's sequence.
    var sequence: Int
    /// The ring's index in the policy (platform steps: -1, clusters without a ring: after the last).
    var ringIndex: Int
    var from: String

    // What the step must reach.
    /// Kubernetes steps: the minor to reach (for a patch upgrade, the current minor).
    var targetMinor: KubernetesMinor?
    /// A patch upgrade must reach at least this version (an advisory's fix).
    var minimumVersion: KubernetesVersion?
    /// True when the step only changes the patch within the current minor.
    var isPatchUpgrade = false
    /// Platform steps: the release to reach.
    var targetRelease: PlatformRelease?
    /// Image steps: the image version to bring.
    var targetImageVersion: NodeImageVersion?
    /// Certificate rotations: the old expiry (the `from`) is in `from`.
    var movesControlPlane = false
    var movedPools: [String] = []

    var due: CalendarDate?
    var dueReason: String?
    var reasons: [String] = []
    /// Where in the inputs each reason comes from (a release, an advisory, the policy, a fleet entry), by
    /// position in `reasons`.
    var reasonSources: [SourcePosition?] = []
    var fixes: [String] = []
    /// Its own target is needed to fix an advisory: it may bypass soak and security-allowing freezes.
    var securityFix = false
    /// A hop the platform update waits for (takes what the current release offers).
    var bridge = false
    /// Its target exists only in a release the management cluster updates to: it waits for that update.
    var needsPlatformUpdate = false
    /// A hop that waits for the platform update: the release that offers its version (nil: the first
    /// release of the update that offers its minor).
    var releaseNeeded: PlatformVersion?
    var estimatedMinutes: Int
    /// Set when the step can never get a slot (a stopped cluster, a dependsOn that never comes).
    var blockedReason: String?
    /// The earliest day its target exists (a release, an image, an upstream patch).
    var availableFrom: CalendarDate?
    /// An image update is only worth running if it ends before the Kubernetes step that would bring a
    /// newer image anyway; otherwise it is dropped.
    var mustEndBefore: Instant?
    var dropped = false
    /// Certificate rotations: the certificates' validity, which counts from the rotation's end.
    var renewsCertificatesForDays: Int?

    // The graph.
    var predecessors: [Int] = []

    // The result.
    var id = ""
    var to = ""
    var version: KubernetesVersion?
    var occurrence: WindowOccurrence?
    var start: Instant?
    var end: Instant?
    var status: PlanStep.Status = .scheduled
    var imageChanges: [PlanStep.ImageChange] = []
    var knownIssues: [String] = []
    /// What decided its start, recorded while it was placed: its range in the scheduler's store.
    var constraintRange: Range<Int> = 0..<0
    /// The earlier-ring step whose soak held it (it waits for that step too).
    var soakStep: Int?
    var placed: Bool { start != nil }

    init(kind: PlanStep.Kind, cluster: String?, management: String?, pool: String? = nil, sequence: Int, ringIndex: Int,
         from: String, estimatedMinutes: Int) {
        self.kind = kind
        self.cluster = cluster
        self.management = management
        self.pool = pool
        self.sequence = sequence
        self.ringIndex = ringIndex
        self.from = from
        self.estimatedMinutes = estimatedMinutes
    }

    /// An independent copy (to start a similar step from this one).
    func copy() -> StepDraft {
        let other = StepDraft(kind: kind, cluster: cluster, management: management, pool: pool, sequence: sequence,
                              ringIndex: ringIndex, from: from, estimatedMinutes: estimatedMinutes)
        other.targetMinor = targetMinor; other.minimumVersion = minimumVersion; other.isPatchUpgrade = isPatchUpgrade
        other.targetRelease = targetRelease; other.targetImageVersion = targetImageVersion; other.poolIndex = poolIndex; other.movesControlPlane = movesControlPlane
        other.movedPools = movedPools; other.due = due; other.dueReason = dueReason; other.reasons = reasons
        other.reasonSources = reasonSources
        other.fixes = fixes; other.securityFix = securityFix; other.bridge = bridge; other.needsPlatformUpdate = needsPlatformUpdate
        other.releaseNeeded = releaseNeeded
        other.blockedReason = blockedReason; other.availableFrom = availableFrom; other.mustEndBefore = mustEndBefore
        other.predecessors = predecessors; other.to = to
        return other
    }

    /// Adds a reason (once) and the input position that caused it.
    func addReason(_ reason: String, from position: SourcePosition?) {
        guard !reasons.contains(reason) else { return }
        reasonSources += [SourcePosition?](repeating: nil, count: max(0, reasons.count - reasonSources.count))
        reasons.append(reason)
        reasonSources.append(position)
    }

    /// Tightens the deadline, keeping the reason of the earliest one.
    func addDue(_ date: CalendarDate?, _ reason: String) {
        guard let date else { return }
        if due == nil || date < (due ?? date) {
            due = date
            dueReason = reason
        }
    }

    var subjectName: String { cluster ?? management ?? "" }
}
