/// A length of time written as a number and a unit (`45m`, `2h`, `14d`), kept in minutes.
public struct TimeSpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) {
        self.minutes = minutes
    }

    public static func days(_ days: Int) -> TimeSpan { TimeSpan(minutes: days * 1440) }
    public static func hours(_ hours: Int) -> TimeSpan { TimeSpan(minutes: hours * 60) }

    /// Parses `<digits><m|h|d|w>`; nil for anything else, including values too large to be meaningful
    /// (over 100 years).
    public init?(parsing text: String) {
        guard let unit = text.last, text.count >= 2 else { return nil }
        let digits = text.dropLast()
        guard digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let factor: Int
        switch unit {
        case "m": factor = 1
        case "h": factor = 60
        case "d": factor = 1440
        case "w": factor = 10080
        default: return nil
        }
        guard value * factor <= 100 * 366 * 1440 else { return nil }
        minutes = value * factor
    }

    /// Whole days, rounded down.
    public var days: Int { minutes / 1440 }

    /// The largest unit that divides evenly, as written in inputs ("14d", "90m"); "12h 30m" style is
    /// used by `humanDescription`.
    public var description: String {
        if minutes != 0 && minutes % 1440 == 0 { return "\(minutes / 1440)d" }
        if minutes != 0 && minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }

    /// "12h 30m", "5h", "45m", "2d 3h".
    public var humanDescription: String {
        var parts: [String] = []
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        if days > 0 { parts.append("\(days)d") }
        if hours > 0 { parts.append("\(hours)h") }
        if rest > 0 || parts.isEmpty { parts.append("\(rest)m") }
        return parts.joined(separator: " ")
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.minutes < rhs.minutes }
}
