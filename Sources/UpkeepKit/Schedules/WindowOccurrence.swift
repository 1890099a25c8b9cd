/// One occurrence of a maintenance window: its UTC start and end, and the local days it covers.
public struct WindowOccurrence: Hashable, Sendable {
    public var window: String
    public var start: Instant
    public var end: Instant
    /// The local dates (in the window's time zone) of its first and last minute, for freezes.
    public var firstLocalDate: CalendarDate
    public var lastLocalDate: CalendarDate

    public var durationMinutes: Int { end.minutesSinceEpoch - start.minutesSinceEpoch }
}
