/// Each step's numbers, by step position: its subject (`SubjectTable`), its management cluster's subject
/// and its place in the priority order.
struct StepNumbers: Sendable {
    private(set) var subject: [Int] = []
    private(set) var management: [Int?] = []
    private(set) var priority: [PriorityKey] = []

    var count: Int { subject.count }

    mutating func append(subject: Int, management: Int?, priority: PriorityKey) {
        self.subject.append(subject)
        self.management.append(management)
        self.priority.append(priority)
    }

    /// Earliest deadline first (no due date last), then ring order, then name (subjects are numbered
    /// in name order), then the step's place in its sequence.
    struct PriorityKey: Comparable, Sendable {
        var due: Int
        var ring: Int
        var subject: Int
        var sequence: Int
        var index: Int

        static func < (a: PriorityKey, b: PriorityKey) -> Bool {
            (a.due, a.ring, a.subject, a.sequence, a.index) < (b.due, b.ring, b.subject, b.sequence, b.index)
        }
    }
}
