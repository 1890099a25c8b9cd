/// What a change must wait for outside itself: the steps of other subjects (or of other windows) its steps list in
/// `after` — a workload cluster's hop after its management cluster's platform update, a dependsOn — each with
/// the ticket that carries it, so that the change board sees the order the plan relies on.
struct TicketPrerequisites: Sendable {
    /// Each placed step's ticket id (the ticket file's name without its extension) and its end.
    private let ticketOf: [String: (ticket: String, end: Instant)]

    init(events: [MaintenanceEvent]) {
        var ticketOf: [String: (ticket: String, end: Instant)] = [:]
        for event in events {
            let ticket = Self.ticketID(event)
            for step in event.steps { if let end = step.end { ticketOf[step.id] = (ticket, end) } }
        }
        self.ticketOf = ticketOf
    }

    /// `store-edge-20240707T0300Z`: the ticket file's name without its extension (TicketRenderer.fileName).
    static func ticketID(_ event: MaintenanceEvent) -> String {
        CalendarRenderer.fileName(for: event.subject, extension: "") + "-" + CalendarRenderer.stamp(event.occurrence.start)
    }

    /// One line per step outside the event that one of its steps waits for, in plan order of first mention.
    func lines(for event: MaintenanceEvent) -> [String] {
        let own = Set(event.steps.map(\.id))
        var seen = Set<String>()
        var lines: [String] = []
        for step in event.steps {
            for id in step.after where !own.contains(id) && seen.insert(id).inserted {
                if let other = ticketOf[id] {
                    lines.append("\(id) must end first (it ends \(other.end); ticket \(other.ticket)); \(step.id) waits for it")
                } else {
                    lines.append("\(id) must end first; \(step.id) waits for it")
                }
            }
        }
        return lines
    }
}
