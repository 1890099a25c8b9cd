/// `upkeep calendar`: the plan's maintenance as an RFC 5545 calendar — one event per subject per window
/// occurrence that holds its steps — for Outlook, Google Calendar and any client that imports `.ics`.
public enum CalendarRenderer {
    /// What the events look up in the inputs (rings, known issues).
    public typealias Names = InputLookup

    /// The whole calendar. With `previous` (the plan this one replaces), an event it had and this plan
    /// drops is written cancelled, and an event whose content changed gets `SEQUENCE:1` (a new event, or an
    /// unchanged one, has 0), so that a client updates its copy instead of adding a second one.
    public static func render(_ plan: Plan, names: Names, previous: Plan? = nil) -> String {
        String(decoding: renderBytes(plan, names: names, previous: previous), as: UTF8.self)
    }

    /// The same calendar as UTF-8 bytes (what the command writes).
    public static func renderBytes(_ plan: Plan, names: Names, previous: Plan? = nil, execution: ExecutionOptions = .standard) -> [UInt8] {
        render(events: MaintenanceEvent.events(of: plan), previous: previous.map(MaintenanceEvent.events(of:)),
               asOf: plan.asOf, names: names, title: "Upkeep maintenance", execution: execution)
    }

    /// The events are written in chunks on every core and joined in order (the same bytes as one pass).
    static func render(events: [MaintenanceEvent], previous: [MaintenanceEvent]?, asOf: CalendarDate, names: Names, title: String,
                       execution: ExecutionOptions = .standard) -> [UInt8] {
        var before: [String: (event: MaintenanceEvent, fingerprint: String)] = [:]
        for event in previous ?? [] { before[event.uid] = (event, fingerprint(event, names: names)) }
        var lines = ICalendarLines()
        lines.raw("BEGIN", "VCALENDAR")
        lines.raw("VERSION", "2.0")
        lines.raw("PRODID", "-//Upkeep//Upkeep maintenance plan//EN")
        lines.raw("CALSCALE", "GREGORIAN")
        lines.raw("METHOD", "PUBLISH")
        lines.text("X-WR-CALNAME", title)
        let stamp = Instant(startOf: asOf)
        let uids = execution.map(events, minimum: 512) { $0.uid }
        let current = Set(uids)
        let previous = before
        let written = execution.chunks(events.count, minimum: 512) { range -> [[UInt8]] in
            var chunk = ICalendarLines()
            for index in range {
                let event = events[index]
                let changed = previous[uids[index]].map { $0.fingerprint != fingerprint(event, names: names) } ?? false
                write(event, uid: uids[index], names: names, stamp: stamp, sequence: changed ? 1 : 0, cancelled: false, into: &chunk)
            }
            return [chunk.bytes]
        }
        for chunk in written { lines.append(chunk) }
        let dropped = before.values.filter { !current.contains($0.event.uid) }.map(\.event).sorted { a, b in
            a.start != b.start ? a.start < b.start : UTF8Order.precedes(a.subject, b.subject)
        }
        for event in dropped {
            write(event, uid: event.uid, names: names, stamp: stamp, sequence: 1, cancelled: true, into: &lines)
        }
        lines.raw("END", "VCALENDAR")
        return lines.bytes
    }

    /// `20240707T030000Z`.
    static func stamp(_ instant: Instant) -> String {
        String(instant.description.filter { $0 != "-" && $0 != ":" })  // 2024-07-07T03:00:00Z → 20240707T030000Z
    }

    private static func write(_ event: MaintenanceEvent, uid: String, names: Names, stamp: Instant, sequence: Int, cancelled: Bool,
                              into lines: inout ICalendarLines) {
        lines.raw("BEGIN", "VEVENT")
        lines.raw("UID", uid)
        lines.raw("DTSTAMP", Self.stamp(stamp))
        lines.raw("SEQUENCE", String(sequence))
        lines.raw("DTSTART", Self.stamp(event.start))
        lines.raw("DTEND", Self.stamp(event.end))
        lines.text("SUMMARY", (cancelled ? "Cancelled: " : "") + summary(event))
        lines.text("DESCRIPTION", description(event, names: names))
        lines.text("LOCATION", "maintenance window \(event.occurrence.window)")
        lines.raw("CATEGORIES", categories(event, names: names).map(ICalendarLines.escape).joined(separator: ","))
        lines.raw("STATUS", cancelled ? "CANCELLED" : event.isLate ? "TENTATIVE" : "CONFIRMED")
        lines.raw("TRANSP", "OPAQUE")
        lines.raw("END", "VEVENT")
    }

    /// `payments-prod: Kubernetes 1.27.9 → 1.28.5 (+1 node image)`.
    static func summary(_ event: MaintenanceEvent) -> String {
        var parts: [String] = []
        let kubernetes = event.steps.filter { $0.kind == .kubernetesUpgrade }
        if let first = kubernetes.first, let last = kubernetes.last { parts.append("Kubernetes \(first.from) → \(last.to)") }
        let platform = event.steps.filter { $0.kind == .platformUpdate }
        if let first = platform.first, let last = platform.last { parts.append("platform \(first.from) → \(last.to)") }
        if event.steps.contains(where: { $0.kind == .certificateRotation }) { parts.append("certificate rotation") }
        var extras: [String] = []
        let pools = event.steps.count { $0.kind == .nodePoolUpgrade }
        if pools > 0 { extras.append("+\(Plural.count(pools, "pool upgrade"))") }
        let images = event.steps.count { $0.kind == .nodeImageUpdate }
        if images > 0 {
            if parts.isEmpty && pools == 0 { parts.append(Plural.count(images, "node image update")) } else { extras.append("+\(Plural.count(images, "node image"))") }
        }
        if parts.isEmpty, pools > 0 { parts.append(Plural.count(pools, "pool upgrade")); extras.removeFirst() }
        return "\(event.name): \(parts.joined(separator: ", "))" + (extras.isEmpty ? "" : " (\(extras.joined(separator: ", ")))")
    }

    /// Every step with its slot, status, deadline, reasons, advisories, known issues and what it waits for.
    static func description(_ event: MaintenanceEvent, names: Names) -> String {
        var lines: [String] = []
        for step in event.steps {
            lines.append("• \(step.id): \(step.kind.rawValue) \(step.from) → \(step.to), \(step.start?.description ?? "") – \(step.end?.description ?? ""), \(step.status.rawValue)")
            if let due = step.due { lines.append("  due \(due): \(step.dueReason ?? "")") }
            for reason in step.reasons { lines.append("  why: \(reason)") }
            if !step.fixes.isEmpty { lines.append("  fixes: \(step.fixes.joined(separator: ", "))") }
            for id in step.knownIssues {
                let issue = names.knownIssues[id]
                lines.append("  known issue \(id): \(issue?.summary ?? "")" + (issue?.workaround.map { "; workaround: \($0)" } ?? ""))
            }
            if !step.after.isEmpty { lines.append("  waits for: \(step.after.joined(separator: ", "))") }
        }
        return lines.joined(separator: "\n")
    }

    static func categories(_ event: MaintenanceEvent, names: Names) -> [String] {
        var kinds: [String] = []
        for step in event.steps where !kinds.contains(step.kind.rawValue) { kinds.append(step.kind.rawValue) }
        if let ring = names.cluster(ofSubject: event.subject, named: event.name)?.ring { kinds.append("ring \(ring)") }
        return kinds
    }

    /// What a client would see change: the times, the summary, the description and the status.
    private static func fingerprint(_ event: MaintenanceEvent, names: Names) -> String {
        "\(event.start)|\(event.end)|\(summary(event))|\(description(event, names: names))|\(event.isLate)"
    }

    /// One calendar per subject (for a team that subscribes to its own clusters), with a file name made
    /// from the subject's name that stays in its folder: letters, digits, `.`, `-` and `_` kept, anything
    /// else `_`, no leading dot, at most 80 characters, and a short digest of the full name so that two
    /// names that read alike never share a file.
    public static func perSubject(_ plan: Plan, names: Names, previous: Plan? = nil) -> [(fileName: String, bytes: [UInt8])] {
        var events: [String: [MaintenanceEvent]] = [:]
        for event in MaintenanceEvent.events(of: plan) { events[event.subject, default: []].append(event) }
        var earlier: [String: [MaintenanceEvent]] = [:]
        for event in previous.map(MaintenanceEvent.events(of:)) ?? [] { earlier[event.subject, default: []].append(event) }
        let subjects = Set(events.keys).union(earlier.keys).sorted(by: UTF8Order.precedes)
        return subjects.map { subject in
            (fileName(for: subject), render(events: events[subject] ?? [], previous: previous == nil ? nil : (earlier[subject] ?? []),
                                            asOf: plan.asOf, names: names, title: "Upkeep: \(subject)"))
        }
    }

    public static func fileName(for subject: String, extension suffix: String = "ics") -> String {
        let name = subject.split(separator: "/", maxSplits: 1).last.map(String.init) ?? subject
        let kind = subject.hasPrefix("management-cluster/") ? "mgmt-" : ""
        // ASCII letters, digits, `-`, `_` and `.` kept; any other character becomes one `_`.
        var safe: [UInt8] = []
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let keep = (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
                || value == 0x2D || value == 0x5F || value == 0x2E
            safe.append(keep ? UInt8(value) : UInt8(ascii: "_"))
        }
        let kept = safe.drop { $0 == UInt8(ascii: ".") }.prefix(80)
        let safeName = String(decoding: kept, as: UTF8.self)
        // Tells apart subjects whose kept characters agree: a 64-bit FNV-1a digest of the whole subject,
        // folded to 32 bits (cheap: tens of thousands of tickets are named at once).
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in subject.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let folded = String(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), radix: 16)
        let digest = String(repeating: "0", count: 8 - folded.count) + folded
        return "\(kind)\(safeName.isEmpty ? "subject" : safeName)-\(digest)" + (suffix.isEmpty ? "" : ".\(suffix)")
    }
}
