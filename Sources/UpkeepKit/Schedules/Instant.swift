/// A UTC instant with minute precision (every time Upkeep plans is whole minutes).
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutesSinceEpoch: Int

    public init(minutesSinceEpoch: Int) {
        self.minutesSinceEpoch = minutesSinceEpoch
    }

    /// 00:00 UTC of a calendar day.
    public init(startOf date: CalendarDate) {
        minutesSinceEpoch = date.daysSinceEpoch * 1440
    }

    public func adding(minutes: Int) -> Instant { Instant(minutesSinceEpoch: minutesSinceEpoch + minutes) }

    /// The UTC day the instant falls on.
    public var utcDate: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Double(minutesSinceEpoch) / 1440).rounded(.down)))
    }

    /// `2024-07-07T03:00:00Z`
    public var description: String {
        let minuteOfDay = minutesSinceEpoch - utcDate.daysSinceEpoch * 1440
        return "\(utcDate)T\(CalendarDate.pad(minuteOfDay / 60, 2)):\(CalendarDate.pad(minuteOfDay % 60, 2)):00Z"
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }
}
