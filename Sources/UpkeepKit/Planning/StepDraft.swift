/// What a step must achieve (a target minor, a release, an image), its reasons and deadline, and what it
/// waits for: a value the stages that find steps build (paths, platform decisions, the image and
/// certificate rounds) and the step graph links. Handed to the scheduler, it becomes a `StepRequirement`,
/// which nothing changes; where the step went is its `StepPlacement`.
struct StepDraft: Sendable {
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
    var targetRelease: PlatformRelease? {
        get { targetReleaseBox?.release }
        set { targetReleaseBox = newValue.map(ReleaseBox.init) }
    }
    /// Held by reference: only platform steps have one, and the release inline would make every draft's copy
    /// (tens of thousands of image updates) a hundred bytes and several counts larger.
    private var targetReleaseBox: ReleaseBox?

    private final class ReleaseBox: Sendable {
        let release: PlatformRelease
        init(_ release: PlatformRelease) { self.release = release }
    }
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
    /// A hop on the way to a later minor (one minor at a time) whose minor no supported patch is offered in: it
    /// takes the newest patch offered (standalone: released) even if out of support, with a warning.
    var transit = false
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
    /// newer image anyway; otherwise the scheduler drops it.
    var mustEndBefore: Instant?
    /// Certificate rotations: the certificates' validity, which counts from the rotation's end.
    var renewsCertificatesForDays: Int?

    /// The steps it waits for (positions among the scheduler's steps), set by the step graph and rounds.
    var predecessors: [Int] = []
    /// The planned target as text, for steps whose target is known before scheduling (platform updates,
    /// image updates); Kubernetes steps get theirs when placed.
    var to = ""

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

    /// Adds a reason (once) and the input position that caused it.
    mutating func addReason(_ reason: String, from position: SourcePosition?) {
        guard !reasons.contains(reason) else { return }
        reasonSources += [SourcePosition?](repeating: nil, count: max(0, reasons.count - reasonSources.count))
        reasons.append(reason)
        reasonSources.append(position)
    }

    /// Tightens the deadline, keeping the reason of the earliest one.
    mutating func addDue(_ date: CalendarDate?, _ reason: String) {
        guard let date else { return }
        if due == nil || date < (due ?? date) {
            due = date
            dueReason = reason
        }
    }

    var subjectName: String { cluster ?? management ?? "" }
}
