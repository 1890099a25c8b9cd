/// The occurrences of a maintenance window between two days, computed from its recurrence in its own
/// time zone: weekly (with `everyWeeks` counted from the week of 1970-01-05, a Monday), monthly on a
/// weekday, monthly on a date (skipped in months without that date).
public struct WindowCalendar: Sendable {
    public let window: MaintenanceWindow
    public let converter: TimeZoneConverter

    public init?(_ window: MaintenanceWindow) {
        guard let converter = TimeZoneConverter(identifier: window.timeZone) else { return nil }
        self.window = window
        self.converter = converter
    }

    /// Occurrences whose local start day lies in `from...to`, in order.
    public func occurrences(from: CalendarDate, to: CalendarDate) -> [WindowOccurrence] {
        guard from <= to else { return [] }
        var result: [WindowOccurrence] = []
        for day in from.daysSinceEpoch...to.daysSinceEpoch {
            let date = CalendarDate(daysSinceEpoch: day)
            guard occurs(on: date) else { continue }
            let start = converter.instant(localDate: date, minuteOfDay: window.startMinute)
            let end = start.adding(minutes: window.duration.minutes)
            result.append(WindowOccurrence(window: window.name, start: start, end: end,
                                           firstLocalDate: converter.localDate(of: start),
                                           lastLocalDate: converter.localDate(of: end.adding(minutes: -1))))
        }
        return result
    }

    /// Whether the recurrence has an occurrence starting on this local day.
    public func occurs(on date: CalendarDate) -> Bool {
        let weekday = date.isoWeekday
        switch window.recurrence {
        case .weekly(let days, let everyWeeks):
            guard days.contains(where: { $0.isoNumber == weekday }) else { return false }
            let weeksSinceReference = Int((Double(date.daysSinceEpoch - 4) / 7).rounded(.down))
            let remainder = weeksSinceReference % everyWeeks
            return (remainder < 0 ? remainder + everyWeeks : remainder) == 0
        case .monthlyByWeekday(let week, let day):
            guard day.isoNumber == weekday else { return false }
            let (year, month, dayOfMonth) = date.components
            switch week {
            case .first: return dayOfMonth <= 7
            case .second: return (8...14).contains(dayOfMonth)
            case .third: return (15...21).contains(dayOfMonth)
            case .fourth: return (22...28).contains(dayOfMonth)
            case .last: return dayOfMonth + 7 > CalendarDate.daysIn(month: month, year: year)
            }
        case .monthlyByDate(let dayOfMonth):
            return date.components.day == dayOfMonth
        }
    }
}
