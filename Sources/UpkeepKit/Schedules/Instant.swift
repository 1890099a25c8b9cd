/// A UTC instant with minute precision (every time Upkeep plans is whole minutes).
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutesSinceEpoch: Int

    public init(minutesSinceEpoch: Int) {
        self.minutesSinceEpoch = minutesSinceEpoch
    }

    /// `2024-07-07T03:00:00Z` (seconds must be 00: Upkeep's instants are whole minutes); nil otherwise.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[19] == UInt8(ascii: "Z"), let date = CalendarDate(parsing: String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = Int(String(decoding: bytes[11..<13], as: UTF8.self)), let minute = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
              String(decoding: bytes[17..<19], as: UTF8.self) == "00", (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        minutesSinceEpoch = date.daysSinceEpoch * 1440 + hour * 60 + minute
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
