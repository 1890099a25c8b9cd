/// How far ahead a plan looks (`--horizon`, the UpgradePolicy's `horizon`): days, weeks or calendar months.
/// Operators write a half-year as `6m`, so in a horizon `m` means months; a horizon in minutes or hours means
/// nothing to a plan and is refused. Durations elsewhere (`45m` for a step) keep `m` for minutes.
public struct Horizon: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable { case days = "d", weeks = "w", months = "m" }
    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    public static func days(_ days: Int) -> Horizon { Horizon(count: days, unit: .days) }
    public static func months(_ months: Int) -> Horizon { Horizon(count: months, unit: .months) }

    /// What a horizon may be written as, for error sentences.
    public static let expected = "a whole number of days, weeks or months, such as 180d, 26w or 6m; m is months in a horizon"

    /// Parses `<digits><d|w|m>` (also `mo`), at least one day and at most 100 years; nil for anything else.
    public init?(parsing text: String) {
        var digits = Substring(text)
        let unit: Unit
        if digits.hasSuffix("mo") { unit = .months; digits = digits.dropLast(2) } else {
            guard let last = digits.last, let parsed = Unit(rawValue: String(last)) else { return nil }
            unit = parsed
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 else { return nil }
        let limit: Int
        switch unit {
        case .days: limit = 36_600
        case .weeks: limit = 5_220
        case .months: limit = 1_200
        }
        guard value <= limit else { return nil }
        self.init(count: value, unit: unit)
    }

    /// The horizon's last day, counted from `start`: calendar months keep the day of the month (the month's
    /// last day when it has none: 2026-08-31 + 6m = 2027-02-28).
    public func end(from start: CalendarDate) -> CalendarDate {
        switch unit {
        case .days: return start.adding(days: count)
        case .weeks: return start.adding(days: 7 * count)
        case .months: return start.adding(months: count)
        }
    }

    public var description: String { "\(count)\(unit.rawValue)" }
}
