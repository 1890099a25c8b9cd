/// Planning.md sections 4 and 5: places steps into window occurrences, earliest deadline first, as
/// soon as everything they wait for is placed; settles each Kubernetes step's version on the day it
/// runs; applies soak, freezes, room in the occurrence and cluster limit (`max-parallel`); records for
/// each step every constraint that decided its start.
///
/// A value: the stages after it hand it new steps (`add`), let it place them (`run`), and read the result
/// (`finish`). A step's `StepRequirement` never changes; its `StepPlacement` is the scheduler's to write.
/// Its parts, each with one concern, are in the files beside this one: the numbered windows and subjects
/// (`WindowTable`, `SubjectTable`), each step's numbers (`StepNumbers`), the placement loop's bookkeeping
/// (`StepReadiness`), the ring soak gates and ends (`SoakGates`, `SoakEnds`), the platform updates
/// (`PlatformPlacements`) and what placing changes (`PlacementState`: slots, capacity, cluster versions);
/// the extensions place one step, find slots, settle versions, record a placement and run the image
/// round window by window.
struct StepScheduler: Sendable {
    let context: PlanningContext
    private(set) var requirements: [StepRequirement] = []
    var placements: [StepPlacement] = []
    var findings: [Finding] = []

    /// Steps waiting on a (ring, minor) gate: every earlier-ring step reaching the minor must be settled
    /// (placed or failed) before a later ring can compute its soak.
    typealias GateKey = SoakGates.Gate
    var gates = SoakGates()
    /// Placed Kubernetes steps per ring and minor: latest end overall and per exact version.
    var soakEnds = SoakEnds()
    var readiness = StepReadiness()
    var numbers = StepNumbers()
    /// Subjects and windows, numbered once.
    var subjects = SubjectTable()
    var windows = WindowTable()
    var state: PlacementState
    var platform = PlatformPlacements()

    init(context: PlanningContext) {
        self.context = context
        state = PlacementState(clusters: context.clusters)
        var keys = Set(context.clusters.map { SubjectTable.Key(name: $0.name, isManagement: false) })
        for management in context.engine.inputs.managementClusters { keys.insert(SubjectTable.Key(name: management.name, isManagement: true)) }
        for cluster in context.clusters {
            if let name = cluster.managementCluster?.name { keys.insert(SubjectTable.Key(name: name, isManagement: true)) }
        }
        let ordered = keys.sorted { a, b in
            a.name != b.name ? UTF8Order.precedes(a.name, b.name) : !a.isManagement && b.isManagement
        }
        for key in ordered { _ = subjectNumber(key) }
    }

    // MARK: Steps in, schedule out

    /// Adds a step to place in the next `run` (its predecessors are positions of steps already added);
    /// returns its position.
    /// `predecessors`, when given, replace the draft's.
    @discardableResult
    mutating func add(_ draft: consuming StepDraft, predecessors: [Int]? = nil) -> Int {
        add(StepRequirement(draft, predecessors: predecessors))
    }

    /// Adds a step the graph made (its predecessors are positions of steps already added); returns its position.
    @discardableResult
    mutating func add(_ requirement: StepRequirement) -> Int {
        requirements.append(requirement)
        placements.append(StepPlacement(requirement))
        return requirements.count - 1
    }

    /// Every step as placed, with the findings of placing them.
    mutating func finish() -> Schedule {
        numberSteps()
        return Schedule(requirements: requirements, placements: placements, findings: findings,
                        clusterPositions: numbers.subject.map { subjects.cluster[$0] }, constraints: state.constraints)
    }

    // MARK: Numbering

    /// Numbers the subjects of the steps added since the last call, and gives them their priority.
    mutating func numberSteps() {
        // Steps come in runs of the same subject: the previous step's numbers are reused when its
        // subject is the same, without hashing the names again.
        var previous: (step: StepRequirement, subject: Int, management: Int?)?
        for index in numbers.count..<requirements.count {
            let step = requirements[index]
            let subject: Int, management: Int?
            if let previous, previous.step.cluster == step.cluster, previous.step.management == step.management {
                (subject, management) = (previous.subject, previous.management)
            } else {
                subject = subjectNumber(subjectKey(step))
                management = step.management.map { subjectNumber(SubjectTable.Key(name: $0, isManagement: true)) }
            }
            previous = (step, subject, management)
            if step.kind == .platformUpdate { platform.addUpdate(index, of: subject) }
            numbers.append(subject: subject, management: management,
                           priority: StepNumbers.PriorityKey(due: step.due?.daysSinceEpoch ?? Int.max, ring: step.ringIndex, subject: subject,
                                                             sequence: step.sequence, index: index))
        }
    }

    /// The subject of a step: its workload cluster, or the management cluster of a platform step.
    private func subjectKey(_ step: StepRequirement) -> SubjectTable.Key {
        step.cluster.map { SubjectTable.Key(name: $0, isManagement: false) } ?? SubjectTable.Key(name: step.management ?? "", isManagement: true)
    }

    /// The number of a subject, numbering it when it is new (every subject is numbered up front, in
    /// name order; a step whose subject is unknown, which validation rules out, gets the next number).
    private mutating func subjectNumber(_ key: SubjectTable.Key) -> Int {
        if let known = subjects.number(of: key) { return known }
        let window = SubjectTable.windowName(of: key, context: context).flatMap { windowNumber($0) }
        state.addSubject()
        platform.addSubject()
        return subjects.add(key, window: window, context: context)
    }

    /// The number of a window the schedule defines (nil for a name it does not), numbering it when new.
    private mutating func windowNumber(_ name: String) -> Int? {
        guard let (number, isNew) = windows.number(name, context: context) else { return nil }
        if isNew {
            let count = windows.occurrences[number].count, limited = windows.clusterLimit[number] != nil
            state.occupants.append(limited ? [Set<Int>](repeating: [], count: count) : [])
            state.nextOpen.append(limited ? Array(0...count) : [])
        }
        return number
    }
}

/// What the scheduler made: every step in the order they were added (what it must achieve, and where
/// it was placed or why not, with its constraints), the findings of placing them, and each step's cluster
/// (its position in the context's clusters; nil for a management cluster's step).
struct Schedule: Sendable {
    var requirements: [StepRequirement]
    var placements: [StepPlacement]
    var findings: [Finding]
    var clusterPositions: [Int?]
    /// Every step's placement constraints (`StepPlacement.constraintRange` says which are whose).
    var constraints: [PlacementConstraint]
}
