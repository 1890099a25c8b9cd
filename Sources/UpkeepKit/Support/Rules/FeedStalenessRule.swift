/// Planning.md 2: a platform feed whose newest release is older than `feedStaleAfter` may be missing
/// releases, so "no announced end" may no longer be true.
public enum FeedStalenessRule {
    /// The number of days the newest known release is older than allowed, or nil when the feed is fresh.
    public static func staleness(of timeline: PlatformTimeline, on date: CalendarDate, staleAfter: TimeSpan) -> (newest: PlatformRelease, age: Int)? {
        guard let newest = timeline.newestExisting, let age = staleness(newest: newest.released, on: date, staleAfter: staleAfter) else { return nil }
        return (newest, age)
    }

    /// The days `newest` lies before `date`, when more than allowed; nil when fresh.
    public static func staleness(newest: CalendarDate, on date: CalendarDate, staleAfter: TimeSpan) -> Int? {
        let age = date.daysSinceEpoch - newest.daysSinceEpoch
        return age > staleAfter.days ? age : nil
    }
}
