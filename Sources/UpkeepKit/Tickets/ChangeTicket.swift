/// A change ticket for one calendar event: one subject's steps in one window occurrence, with everything a
/// change advisory board asks for — why, how (the exact commands), how to back out and test, risk and
/// impact, when, what is affected, known issues, and the constraints that placed it.
public struct ChangeTicket: Sendable {
    public enum Level: Int, Sendable {
        case high = 2, moderate = 3, low = 4
        public var name: String { self == .high ? "high" : self == .moderate ? "moderate" : "low" }
    }

    public var event: MaintenanceEvent
    public var title: String
    public var justification: [String]
    public var implementation: [String]
    public var backout: [String]
    public var tests: [String]
    public var risk: Level
    public var impact: Level
    public var riskReasons: [String]
    /// The occurrence in UTC and in the window's own time zone.
    public var windowUTC: String
    public var windowLocal: String
    public var configurationItems: [String]
    public var knownIssues: [String]
    public var constraints: [String]
    /// The steps of other subjects or windows this change waits for, each with its ticket (TicketPrerequisites).
    public var doneFirst: [String] = []
    public var owner: String?
    public var ring: String?
    public var platform: String?

    /// The tickets of a plan, one per calendar event, in calendar order.
    public static func tickets(for plan: Plan, inputs: InputSet) -> [ChangeTicket] {
        let context = InputLookup(inputs)
        let events = MaintenanceEvent.events(of: plan)
        let prerequisites = TicketPrerequisites(events: events), verdicts = TicketVerdicts(plan: plan)
        return events.map { ChangeTicket(event: $0, plan: plan, context: context, prerequisites: prerequisites, verdicts: verdicts) }
    }

    init(event: MaintenanceEvent, plan: Plan, context: InputLookup, prerequisites: TicketPrerequisites, verdicts: TicketVerdicts) {
        self.event = event
        doneFirst = prerequisites.lines(for: event)
        let cluster = context.cluster(ofSubject: event.subject, named: event.name)
        let platform = event.subject.hasPrefix("cluster/")
            ? cluster?.platform
            : context.managements[event.name]?.platform.name
        self.platform = platform
        owner = cluster?.owner
        ring = cluster?.ring
        title = CalendarRenderer.summary(event)
        // The subject's verdict first, as status gives it: what is urgent about it comes before why each step runs.
        var justification: [String] = verdicts.line(for: event.subject).map { [$0] } ?? []
        for step in event.steps {
            if let due = step.due {
                // The due reason is often one of the step's reasons already (a node image's age).
                let reason = step.dueReason.flatMap { due in step.reasons.contains { $0.hasSuffix(due) } ? nil : due }
                justification.append("\(step.id) is due \(due)" + (reason.map { ": " + $0 } ?? ""))
            }
            for reason in step.reasons where !justification.contains(reason) { justification.append(reason) }
            for id in step.fixes {
                let advisory = context.advisories[id]
                justification.append("fixes \(id)" + (advisory.map { " (\($0.severity.rawValue)): \($0.summary)" } ?? ""))
            }
        }
        self.justification = justification
        let isManagement = !event.subject.hasPrefix("cluster/")
        let commands = TicketCommands(platform: platform, subject: event.name, isManagement: isManagement,
                                      workloadClusters: isManagement ? context.workloadClusters[event.name] ?? [] : [])
        implementation = commands.before + event.steps.flatMap(commands.apply) + commands.after
        backout = commands.backout(event.steps)
        tests = commands.tests(event.steps)
        let late = event.isLate
        let critical = event.steps.contains { step in step.fixes.contains { context.advisories[$0]?.severity == .critical } }
        let production = (ring ?? "").lowercased().contains("prod")
        let platformWork = event.steps.contains { $0.kind == .platformUpdate || $0.kind == .certificateRotation }
        var riskReasons: [String] = []
        if late { riskReasons.append("a step ends after its due date") }
        if critical { riskReasons.append("it fixes a critical advisory") }
        if production { riskReasons.append("ring \(ring ?? "") is production") }
        if platformWork { riskReasons.append("it changes the management cluster, which every workload cluster of it depends on") }
        risk = late || critical ? .high : production || platformWork ? .moderate : .low
        impact = platformWork || production ? .high : event.steps.contains { $0.kind == .kubernetesUpgrade } ? .moderate : .low
        self.riskReasons = riskReasons.isEmpty ? ["no production ring, nothing late, no critical advisory"] : riskReasons
        windowUTC = "\(event.start) – \(event.end) (window \(event.occurrence.window), \(event.occurrence.start) – \(event.occurrence.end))"
        if let zone = context.zones[event.occurrence.window] {
            windowLocal = "\(Self.local(event.start, zone)) – \(Self.local(event.end, zone)) \(zone.identifier)"
        } else {
            windowLocal = windowUTC
        }
        configurationItems = [event.name] + (cluster?.nodePools.map { "\(event.name)/\($0)" } ?? [])
        knownIssues = event.steps.flatMap(\.knownIssues).map { id in
            let issue = context.knownIssues[id]
            return "\(id): \(issue?.summary ?? "")" + (issue?.workaround.map { "; workaround: \($0)" } ?? "")
        }
        // What decided each step's start (every constraint of a step: `upkeep explain`).
        constraints = event.steps.compactMap { step in
            plan.bindingConstraint(of: step).map { constraint in
                "\(step.id) starts \(step.start.map { "at \($0)" } ?? "when it can"): "
                    + (constraint.detail.isEmpty ? constraint.kind : "\(constraint.detail) (\(constraint.kind))")
            }
        }
        if let first = event.steps.first {
            constraints.append("Every constraint of a step: " + TicketCommands.command("upkeep explain \(first.id.replacingEvery(TicketCommands.code, with: "")) PATH…"))
        }
    }

    /// A titled list of the ticket (each format says "None." for an empty one, in its own way).
    public struct Section: Sendable {
        public var title: String
        public var items: [String]
        public var numbered: Bool
    }

    /// The ticket's lists in the order every format writes them, after its title and summary (markdown, Jira
    /// wiki markup and Atlassian Document Format).
    public var sections: [Section] {
        let lists: [(String, [String], Bool)] = [
            ("Justification", justification, false), ("Done first", doneFirst, false), ("Implementation plan", implementation, true),
            ("Backout plan", backout, false), ("Test plan", tests, false),
            ("Risk and impact", ["Risk: \(risk.name)", "Impact: \(impact.name)"] + riskReasons, false),
            ("Window", ["UTC: \(windowUTC)", "Local: \(windowLocal)"], false),
            ("Affected configuration items", configurationItems, false),
            ("Known issues and workarounds", knownIssues, false), ("Why this window", constraints, false),
        ]
        return lists.map { Section(title: $0.0, items: $0.1, numbered: $0.2) }
    }

    /// `2024-07-07 05:00` in a time zone.
    static func local(_ instant: Instant, _ zone: (identifier: String, converter: TimeZoneConverter)) -> String {
        let text = instant.adding(minutes: zone.converter.offsetMinutes(at: instant)).description
        return String(text.prefix(16)).replacingEvery("T", with: " ")
    }
}
