/// Planning.md 2, "Platform release": out of support on the earlier of the day the
/// `supportedReleases`-th newer release came out and `maxBehind` after the first newer release.
public enum PlatformReleaseSupportRule {
    public static func evaluate(_ version: PlatformVersion, on timeline: PlatformTimeline) -> SupportVerdict {
        let platform = timeline.platform
        guard timeline.release(version) != nil else {
            return SupportVerdict(.platformRelease, .unsupported, "\(version) is not a known \(platform) release")
        }
        let newer = timeline.releases(newerThan: version)
        guard let first = newer.first else {
            return SupportVerdict(.platformRelease, .noKnownEnd, "\(version) is the newest known \(platform) release")
        }
        var end = first.released.adding(days: timeline.rules.maxBehind.days)
        var reason = "\(platform) \(first.version) came out on \(first.released); \(version) may stay \(timeline.rules.maxBehind.days) days behind, until \(end)"
        if newer.count >= timeline.rules.supportedReleases {
            let pushedOut = newer[timeline.rules.supportedReleases - 1]
            if pushedOut.released < end {
                end = pushedOut.released
                reason = "\(platform) \(pushedOut.version) (\(pushedOut.released)) is the \(ordinal(timeline.rules.supportedReleases)) newer release; only the \(timeline.rules.supportedReleases) most recent releases are supported"
            }
        }
        return SupportVerdict(.platformRelease, .on(end), reason)
    }
}

/// 1st, 2nd, 3rd, 4th, 11th, 21st…
func ordinal(_ number: Int) -> String {
    switch (number % 10, number % 100) {
    case (1, let tens) where tens != 11: return "\(number)st"
    case (2, let tens) where tens != 12: return "\(number)nd"
    case (3, let tens) where tens != 13: return "\(number)rd"
    default: return "\(number)th"
    }
}
