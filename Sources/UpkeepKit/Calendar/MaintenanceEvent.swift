/// One calendar event: the steps one subject (a workload or management cluster) runs in one window
/// occurrence, from the first step's start to the last step's end.
public struct MaintenanceEvent: Sendable {
    /// `cluster/NAME` or `management-cluster/NAME`.
    public var subject: String
    public var name: String
    public var occurrence: WindowOccurrence
    public var start: Instant
    public var end: Instant
    /// In plan order.
    public var steps: [PlanStep]

    /// Stable across runs, machines and input orders: two 64-bit FNV-1a digests of the subject, the window
    /// and the occurrence's start.
    public var uid: String {
        let key = Array("\(subject)|\(occurrence.window)|\(occurrence.start.minutesSinceEpoch)".utf8)
        func fnv(_ basis: UInt64) -> UInt64 {
            var hash = basis
            for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            return hash
        }
        let first = String(fnv(0xcbf29ce484222325), radix: 16), second = String(fnv(0x84222325cbf29ce4), radix: 16)
        return String(repeating: "0", count: 16 - first.count) + first + String(repeating: "0", count: 16 - second.count) + second + "@upkeep"
    }

    public var isLate: Bool { steps.contains { $0.status == .late } }

    /// The plan's placed steps grouped by subject and window occurrence, ordered by start, then subject.
    public static func events(of plan: Plan) -> [MaintenanceEvent] {
        struct Key: Hashable {
            var name: String
            var isManagement: Bool
            var window: String
            var start: Int
        }
        var events: [MaintenanceEvent] = []
        var positions: [Key: Int] = [:]
        for step in plan.steps {
            guard let occurrence = step.occurrence, let start = step.start, let end = step.end else { continue }
            let key = Key(name: step.cluster ?? step.managementCluster ?? "", isManagement: step.cluster == nil, window: occurrence.window,
                          start: occurrence.start.minutesSinceEpoch)
            if let position = positions[key] {
                events[position].start = min(events[position].start, start)
                events[position].end = max(events[position].end, end)
                events[position].steps.append(step)
            } else {
                positions[key] = events.count
                events.append(MaintenanceEvent(subject: step.subject, name: step.cluster ?? step.managementCluster ?? "",
                                               occurrence: occurrence, start: start, end: end, steps: [step]))
            }
        }
        return events.sorted { a, b in
            a.start != b.start ? a.start < b.start : UTF8Order.precedes(a.subject, b.subject)
        }
    }
}
