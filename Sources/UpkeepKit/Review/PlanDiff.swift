/// What changed between two plans (`upkeep diff OLD.json NEW.json`): steps matched by id — added,
/// removed, changed (moved to another window or start, another target, another status, other steps it waits
/// for) and how many are
/// unchanged — and the findings that appeared or went away.
public struct PlanDiff: Sendable {
    /// One field of a step that differs, old → new (nil: the step had none).
    public struct Change: Sendable, Equatable {
        public enum Field: String, Sendable { case window, start, to, status, due, after }
        public var field: Field
        public var old: String?
        public var new: String?
    }

    public struct ChangedStep: Sendable {
        public var old: PlanStep
        public var new: PlanStep
        public var changes: [Change]
        /// Another window occurrence or start.
        public var moved: Bool { changes.contains { $0.field == .window || $0.field == .start } }
        public var retargeted: Bool { changes.contains { $0.field == .to } }
        public var statusChanged: Bool { changes.contains { $0.field == .status } }
    }

    /// In the new plan's order.
    public var added: [PlanStep] = []
    /// In the old plan's order.
    public var removed: [PlanStep] = []
    /// In the new plan's order.
    public var changed: [ChangedStep] = []
    public var unchanged = 0
    public var findingsAdded: [Finding] = []
    public var findingsResolved: [Finding] = []
    /// Clusters and management clusters with a late step now and none before, by name.
    public var newlyLate: [String] = []

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && findingsAdded.isEmpty && findingsResolved.isEmpty
    }

    public init(old: Plan, new: Plan) {
        var oldByID: [String: Int] = [:]
        for (index, step) in old.steps.enumerated() where oldByID[step.id] == nil { oldByID[step.id] = index }
        var matched = Set<Int>()
        for step in new.steps {
            guard let index = oldByID[step.id], !matched.contains(index) else { added.append(step); continue }
            matched.insert(index)
            let changes = Self.changes(old.steps[index], step)
            if changes.isEmpty { unchanged += 1 } else { changed.append(ChangedStep(old: old.steps[index], new: step, changes: changes)) }
        }
        removed = old.steps.indices.filter { !matched.contains($0) }.map { old.steps[$0] }
        let oldFindings = Set(old.findings.map(FindingKey.init)), newFindings = Set(new.findings.map(FindingKey.init))
        findingsAdded = new.findings.filter { !oldFindings.contains(FindingKey($0)) }.sorted()
        findingsResolved = old.findings.filter { !newFindings.contains(FindingKey($0)) }.sorted()
        let lateBefore = Set(old.steps.filter { $0.status == .late }.map { $0.cluster ?? $0.managementCluster ?? "" })
        newlyLate = Set(new.steps.filter { $0.status == .late }.map { $0.cluster ?? $0.managementCluster ?? "" }).subtracting(lateBefore)
            .sorted { UTF8Order.precedes($0, $1) }
    }

    /// The fields a reviewer cares about, in a fixed order.
    static func changes(_ old: PlanStep, _ new: PlanStep) -> [Change] {
        var changes: [Change] = []
        func compare(_ field: Change.Field, _ a: String?, _ b: String?) {
            if a != b { changes.append(Change(field: field, old: a, new: b)) }
        }
        compare(.window, old.occurrence.map { "\($0.window) \($0.start)" }, new.occurrence.map { "\($0.window) \($0.start)" })
        compare(.start, old.start?.description, new.start?.description)
        compare(.to, old.to, new.to)
        compare(.status, old.status.rawValue, new.status.rawValue)
        compare(.due, old.due?.description, new.due?.description)
        // What it waits for (a dependsOn added, a platform update it now follows): an edge of the plan changed.
        let edges = { (step: PlanStep) in step.after.isEmpty ? nil : step.after.sorted { UTF8Order.precedes($0, $1) }.joined(separator: ", ") }
        compare(.after, edges(old), edges(new))
        return changes
    }

    /// Findings are the same when severity, code, subject and message are.
    struct FindingKey: Hashable {
        var severity: String, code: String, subject: String, message: String
        init(_ finding: Finding) {
            severity = finding.severity.rawValue
            code = finding.code
            subject = finding.subject
            message = finding.message
        }
    }

    /// `3 steps added, 1 removed, 2 moved; 1 cluster newly late`.
    public var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append(Plural.count(added.count, "step") + " added") }
        if !removed.isEmpty { parts.append("\(removed.count) removed") }
        let moved = changed.count { $0.moved }, retargeted = changed.count { $0.retargeted }
        let restatused = changed.count { !$0.moved && !$0.retargeted && $0.statusChanged }
        let rest = changed.filter { !$0.moved && !$0.retargeted && !$0.statusChanged }
        let redated = rest.count { change in change.changes.contains { $0.field == .due } }
        let rewired = rest.count - redated
        if moved > 0 { parts.append("\(moved) moved") }
        if retargeted > 0 { parts.append("\(retargeted) retargeted") }
        if restatused > 0 { parts.append("\(restatused) changed status") }
        if redated > 0 { parts.append("\(redated) with another due date") }
        if rewired > 0 { parts.append("\(rewired) waiting for other steps") }
        var text = parts.isEmpty ? "no step changed" : parts.joined(separator: ", ")
        text += " (\(unchanged) unchanged)"
        var extras: [String] = []
        if !newlyLate.isEmpty { extras.append(Plural.count(newlyLate.count, "cluster") + " newly late") }
        if !findingsAdded.isEmpty { extras.append(Plural.count(findingsAdded.count, "finding") + " added") }
        if !findingsResolved.isEmpty { extras.append(Plural.count(findingsResolved.count, "finding") + " resolved") }
        return extras.isEmpty ? text : text + "; " + extras.joined(separator: ", ")
    }

    /// Steps that need a reviewer's attention: late, unschedulable or blocked in the new plan, and not so
    /// before (added that way, or changed into it).
    public var attention: [PlanStep] {
        let troubled: Set<PlanStep.Status> = [.late, .unschedulable, .blocked]
        return added.filter { troubled.contains($0.status) }
            + changed.filter { troubled.contains($0.new.status) && $0.old.status != $0.new.status }.map(\.new)
    }
}
