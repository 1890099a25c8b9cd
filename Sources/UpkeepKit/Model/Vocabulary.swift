/// The small closed sets of words that inputs use. Each lists its values in the order they are
/// suggested in error messages.

public enum OperatingSystem: String, CaseIterable, Sendable, Comparable {
    case linux, windows
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Severity: String, CaseIterable, Sendable, Comparable {
    case critical, high, medium, low
    /// critical sorts first.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

public enum Weekday: String, CaseIterable, Sendable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    /// Monday is 1, Sunday is 7.
    public var isoNumber: Int { (Self.allCases.firstIndex(of: self) ?? 0) + 1 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.isoNumber < rhs.isoNumber }
}

/// Which weekday of the month a monthly window uses.
public enum WeekOfMonth: String, CaseIterable, Sendable {
    case first, second, third, fourth, last
}

public enum UpgradeTarget: String, CaseIterable, Sendable {
    case minimum
    case nMinusOne = "n-1"
    case latest
}

public enum WorkerUpgrades: String, CaseIterable, Sendable {
    case lockstep, minimal
}

public enum PlatformUpdatesTo: String, CaseIterable, Sendable {
    case latest, next
}

public enum FreezeAllowance: String, CaseIterable, Sendable {
    case none, security
}
