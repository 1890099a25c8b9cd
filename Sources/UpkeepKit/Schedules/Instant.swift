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

    /// `2024-07-07T03:00:00Z` (written digit by digit: plans print hundreds of thousands of these).
    public var description: String {
        let date = utcDate
        guard DecimalDigits.fits(date) else {
            let minuteOfDay = minutesSinceEpoch - date.daysSinceEpoch * 1440
            return "\(date)T\(CalendarDate.pad(minuteOfDay / 60, 2)):\(CalendarDate.pad(minuteOfDay % 60, 2)):00Z"
        }
        return DecimalDigits.string(length: DecimalDigits.instantLength) { DecimalDigits.putInstant(self, at: $0) }
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }
}
