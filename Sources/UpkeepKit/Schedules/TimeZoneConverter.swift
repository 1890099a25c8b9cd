import Foundation

/// Converts a window's local wall-clock times to UTC instants and back, with the IANA daylight-saving
/// rules of its time zone (the system's tz database, read through Foundation).
public struct TimeZoneConverter: Sendable {
    public let timeZone: TimeZone

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
    }

    /// The zone's offset from UTC at an instant, in minutes.
    public func offsetMinutes(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.minutesSinceEpoch) * 60)) / 60
    }

    /// The instant of a local date and time. Where a daylight-saving change repeats the local time the
    /// earlier instant is taken; where it skips it (a gap), the first valid instant after the gap.
    public func instant(localDate date: CalendarDate, minuteOfDay: Int) -> Instant {
        let naive = date.daysSinceEpoch * 1440 + minuteOfDay
        let offsetBefore = offsetMinutes(at: Instant(minutesSinceEpoch: naive - 36 * 60))
        let offsetAfter = offsetMinutes(at: Instant(minutesSinceEpoch: naive + 36 * 60))
        let valid = Set([offsetBefore, offsetAfter]).compactMap { offset -> Instant? in
            let candidate = Instant(minutesSinceEpoch: naive - offset)
            return offsetMinutes(at: candidate) == offset ? candidate : nil
        }
        if let earliest = valid.min() { return earliest }
        // A gap: the local time does not exist. The change happens between the two candidates.
        let searchFrom = Date(timeIntervalSince1970: Double(naive - offsetBefore - 24 * 60) * 60)
        if let transition = timeZone.nextDaylightSavingTimeTransition(after: searchFrom) {
            return Instant(minutesSinceEpoch: Int((transition.timeIntervalSince1970 / 60).rounded(.up)))
        }
        return Instant(minutesSinceEpoch: naive - offsetBefore)
    }

    /// The local calendar day of an instant.
    public func localDate(of instant: Instant) -> CalendarDate {
        let local = instant.minutesSinceEpoch + offsetMinutes(at: instant)
        return CalendarDate(daysSinceEpoch: Int((Double(local) / 1440).rounded(.down)))
    }
}
