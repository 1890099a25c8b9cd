/// Maintenance windows and freezes (`MaintenanceSchedule`).
public struct MaintenanceSchedule: Sendable {
    public var windows: [MaintenanceWindow]
    public var freezes: [Freeze]
    public var position: SourcePosition
}

public struct MaintenanceWindow: Sendable {
    public enum Recurrence: Sendable, Equatable {
        /// `everyWeeks` counts weeks from the week of 1970-01-05 (a Monday).
        case weekly(days: [Weekday], everyWeeks: Int)
        case monthlyByWeekday(week: WeekOfMonth, day: Weekday)
        case monthlyByDate(dayOfMonth: Int)
    }

    public var name: String
    /// An IANA time zone name; start times are local to it.
    public var timeZone: String
    public var recurrence: Recurrence
    /// Minutes after local midnight.
    public var startMinute: Int
    /// Elapsed time.
    public var duration: TimeSpan
    /// nil: no limit.
    public var maxParallel: Int?
    /// `maxParallel` under the planner's name for it: how many clusters may have steps in one occurrence.
    public var clusterLimit: Int? { maxParallel }
    public var position: SourcePosition

    /// The shortest time from one occurrence's start to the next; a window may not last longer.
    public var shortestRecurrence: TimeSpan {
        switch recurrence {
        case .weekly(let days, let everyWeeks):
            let numbers = Set(days.map(\.isoNumber)).sorted()
            guard let first = numbers.first, let last = numbers.last else { return .days(7 * everyWeeks) }
            var gaps = zip(numbers, numbers.dropFirst()).map { $1 - $0 }
            gaps.append(first + 7 * everyWeeks - last)
            return .days(gaps.min() ?? 7 * everyWeeks)
        case .monthlyByWeekday, .monthlyByDate:
            return .days(28)
        }
    }
}

public struct Freeze: Sendable {
    public var name: String
    /// Inclusive local dates, in each window's own time zone.
    public var from: CalendarDate
    public var to: CalendarDate
    public var allow: FreezeAllowance
    /// nil: every ring.
    public var rings: [Reference]?
    public var position: SourcePosition
}
