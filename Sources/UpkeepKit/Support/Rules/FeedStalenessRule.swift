/// Planning.md 2: a platform feed whose newest release is older than `feedStaleAfter` may be missing
/// releases, so "no announced end" may no longer be true.
public enum FeedStalenessRule {
    /// The number of days the newest known release is older than allowed, or nil when the feed is fresh.
    public static func staleness(of timeline: PlatformTimeline, on date: CalendarDate, staleAfter: TimeSpan) -> (newest: PlatformRelease, age: Int)? {
        guard let newest = timeline.newestKnown else { return nil }
        let age = date.daysSinceEpoch - newest.released.daysSinceEpoch
        return age > staleAfter.days ? (newest, age) : nil
    }
}
