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
        let (year, month, day) = date.components
        let minuteOfDay = minutesSinceEpoch - date.daysSinceEpoch * 1440
        let zero = UInt8(ascii: "0")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(zero + UInt8((rest / divisor) % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4); bytes.append(UInt8(ascii: "-")); digits(month, 2); bytes.append(UInt8(ascii: "-")); digits(day, 2)
        bytes.append(UInt8(ascii: "T")); digits(minuteOfDay / 60, 2); bytes.append(UInt8(ascii: ":")); digits(minuteOfDay % 60, 2)
        bytes.append(contentsOf: ":00Z".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }
}
