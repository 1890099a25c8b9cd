import Foundation

/// Decodes a `MaintenanceSchedule` document: windows and freezes.
enum MaintenanceScheduleDecoder {
    static func decode(_ root: Fields, _ context: DecodingContext) -> MaintenanceSchedule? {
        let windows = root["windows"].map { context.list($0, "windows") { window($0, context) } } ?? []
        let freezes = root["freezes"].map { context.list($0, "freezes") { freeze($0, context) } } ?? []
        return MaintenanceSchedule(windows: windows, freezes: freezes, position: root.position)
    }

    /// True when the name is in the IANA time zone database this machine has.
    static func isKnownTimeZone(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count < 64 else { return false }
        return TimeZone(identifier: name) != nil
    }

    private static func window(_ node: YAMLNode, _ context: DecodingContext) -> MaintenanceWindow? {
        guard let fields = context.fields(node, "maintenance window", named: true, known: ["name", "timeZone", "weekly", "monthly", "maxParallel"]) else { return nil }
        let name = fields.required("name").flatMap { context.name($0, "name") }
        var timeZone: String?
        if let zoneNode = fields.required("timeZone"), let zone = context.text(zoneNode, "timeZone") {
            if isKnownTimeZone(zone) {
                timeZone = zone
            } else {
                context.error(zoneNode, "\"timeZone\" is \"\(zone)\", which is not an IANA time zone name (for example Europe/Berlin or UTC).")
            }
        }
        let maxParallelNode = fields["maxParallel"]
        let maxParallel = maxParallelNode.flatMap { context.integer($0, "maxParallel", atLeast: 1) }
        var recurrence: (MaintenanceWindow.Recurrence, start: Int, duration: TimeSpan, durationNode: YAMLNode)?
        switch (fields["weekly"], fields["monthly"]) {
        case (let weekly?, nil): recurrence = weeklyRecurrence(weekly, context)
        case (nil, let monthly?): recurrence = monthlyRecurrence(monthly, context)
        case (.some, .some):
            context.log.error(fields.position, "window \"\(name ?? "?")\" has both \"weekly\" and \"monthly\"; give exactly one.")
        case (nil, nil):
            context.log.error(fields.position, "window \"\(name ?? "?")\" has neither \"weekly\" nor \"monthly\"; give exactly one.")
        }
        guard let name, let timeZone, let recurrence, maxParallelNode == nil || maxParallel != nil else { return nil }
        let window = MaintenanceWindow(name: name, timeZone: timeZone, recurrence: recurrence.0, startMinute: recurrence.start,
                                       duration: recurrence.duration, maxParallel: maxParallel, position: fields.position)
        if window.duration > window.shortestRecurrence {
            context.error(recurrence.durationNode, "window \"\(name)\" lasts \(window.duration.humanDescription), longer than the \(window.shortestRecurrence.humanDescription) between two of its occurrences.")
            return nil
        }
        return window
    }

    private typealias Timing = (MaintenanceWindow.Recurrence, start: Int, duration: TimeSpan, durationNode: YAMLNode)

    private static func timing(_ fields: Fields, _ context: DecodingContext) -> (start: Int, duration: TimeSpan, durationNode: YAMLNode)? {
        let start = fields.required("start").flatMap { context.timeOfDay($0, "start") }
        let durationNode = fields.required("duration")
        let duration = durationNode.flatMap { context.timeSpan($0, "duration", positive: true) }
        guard let start, let duration, let durationNode else { return nil }
        return (start, duration, durationNode)
    }

    private static func weeklyRecurrence(_ node: YAMLNode, _ context: DecodingContext) -> Timing? {
        guard let fields = context.fields(node, "the weekly recurrence", known: ["days", "start", "duration", "everyWeeks"]) else { return nil }
        let daysNode = fields.required("days")
        let days = daysNode.map { context.list($0, "days") { context.choice($0, "days", as: Weekday.self) } } ?? []
        if let daysNode, days.isEmpty, daysNode.sequence?.items.isEmpty ?? true {
            context.error(daysNode, "\"days\" must name at least one weekday.")
        }
        let everyWeeks = fields["everyWeeks"].map { context.integer($0, "everyWeeks", atLeast: 1, atMost: 52) } ?? 1
        guard let timing = timing(fields, context), !days.isEmpty, let everyWeeks else { return nil }
        return (.weekly(days: Array(Set(days)).sorted(), everyWeeks: everyWeeks), timing.start, timing.duration, timing.durationNode)
    }

    private static func monthlyRecurrence(_ node: YAMLNode, _ context: DecodingContext) -> Timing? {
        guard let fields = context.fields(node, "the monthly recurrence", known: ["week", "day", "dayOfMonth", "start", "duration"]) else { return nil }
        let recurrence: MaintenanceWindow.Recurrence?
        if let dayOfMonth = fields["dayOfMonth"] {
            if fields["week"] != nil || fields["day"] != nil {
                context.log.error(fields.position, "a monthly recurrence takes either \"dayOfMonth\" or \"week\" and \"day\", not both.")
            }
            recurrence = context.integer(dayOfMonth, "dayOfMonth", atLeast: 1, atMost: 31).map { .monthlyByDate(dayOfMonth: $0) }
        } else {
            let week = fields.required("week").flatMap { context.choice($0, "week", as: WeekOfMonth.self) }
            let day = fields.required("day").flatMap { context.choice($0, "day", as: Weekday.self) }
            recurrence = week.flatMap { week in day.map { .monthlyByWeekday(week: week, day: $0) } }
        }
        guard let timing = timing(fields, context), let recurrence else { return nil }
        return (recurrence, timing.start, timing.duration, timing.durationNode)
    }

    private static func freeze(_ node: YAMLNode, _ context: DecodingContext) -> Freeze? {
        guard let fields = context.fields(node, "freeze", named: true, known: ["name", "from", "to", "allow", "rings"]) else { return nil }
        let name = fields.required("name").flatMap { context.name($0, "name") }
        let from = fields.required("from").flatMap { context.date($0, "from") }
        let to = fields.required("to").flatMap { context.date($0, "to") }
        let allow = fields["allow"].map { context.choice($0, "allow", as: FreezeAllowance.self) } ?? FreezeAllowance.none
        let rings = fields["rings"].map {
            context.list($0, "rings") { item in context.name(item, "rings").map { Reference(name: $0, position: context.position(item)) } }
        }
        if let from, let to, to < from, let toNode = fields["to"] {
            context.error(toNode, "freeze \"\(name ?? "?")\" ends (\(to)) before it starts (\(from)).")
            return nil
        }
        guard let name, let from, let to, let allow else { return nil }
        return Freeze(name: name, from: from, to: to, allow: allow, rings: rings, position: fields.position)
    }
}
