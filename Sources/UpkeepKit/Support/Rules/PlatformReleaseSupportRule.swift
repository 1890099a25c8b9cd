/// Planning.md 2, "Platform release": out of support on the earliest of the day the
/// `supportedReleases`-th newer release came out, `maxBehind` after the first newer release, and
/// `releaseSupportMonths` after its own release, and the platform's own `endOfSupport` (a retired
/// platform, on the day given for the management cluster's host) — each where the platform sets it.
/// Newer releases whose Kubernetes versions are not published count: they exist, so they push a release out
/// as any other does.
public enum PlatformReleaseSupportRule {
    /// `host`: what the management cluster's hosts run (`hostOS`), nil when the fleet does not say.
    public static func evaluate(_ version: PlatformVersion, host: String?, on timeline: PlatformTimeline) -> SupportVerdict {
        let platform = timeline.platform
        guard let release = timeline.existingRelease(version) else {
            return SupportVerdict(.platformRelease, .unsupported, "\(version) is not a known \(platform) release")
        }
        let rules = timeline.rules
        let newer = (timeline.releases(newerThan: version) + timeline.unpublishedReleases(newerThan: version))
            .sorted { ($0.released, $0.version) < ($1.released, $1.version) }
        var limits: [(end: CalendarDate, reason: String)] = []
        if let months = rules.releaseSupportMonths {
            let end = release.released.adding(months: months)
            limits.append((end, "\(platform) \(version) came out on \(release.released); each release is supported for \(months) months, until \(end)"))
        }
        if let first = newer.first, let behind = rules.maxBehind {
            let end = first.released.adding(days: behind.days)
            limits.append((end, "\(platform) \(first.version) came out on \(first.released); \(version) may stay \(behind.days) days behind, until \(end)"))
        }
        if let count = rules.supportedReleases, newer.count >= count {
            let pushedOut = newer[count - 1]
            limits.append((pushedOut.released, "\(platform) \(pushedOut.version) (\(pushedOut.released)) is the \(ordinal(count)) newer release; only the \(count) most recent releases are supported"))
        }
        if let retired = rules.retirement(host: host) {
            let on = retired.host.map { " on \($0) hosts" } ?? ""
            let assumed = retired.assumed ? " (the fleet does not say what the hosts run: the earliest retirement is assumed)" : ""
            limits.append((retired.date, "\(platform) is retired\(on): no release of it is supported from \(retired.date)\(assumed)"))
        }
        // The earliest limit wins; on a tie, the first in the order above.
        guard let binding = limits.min(by: { $0.end < $1.end }) else {
            return SupportVerdict(.platformRelease, .noKnownEnd, newer.isEmpty ? "\(version) is the newest known \(platform) release"
                                  : "no \(platform) rule limits how long \(version) is supported")
        }
        let unpublished = timeline.unpublishedReleases(newerThan: version)
        if !unpublished.isEmpty && timeline.releases(newerThan: version).isEmpty {
            let names = unpublished.map(\.version.description).joined(separator: ", ")
            return SupportVerdict(.platformRelease, .on(binding.end), binding.reason
                + "; newer releases exist (\(names)) but no source publishes their Kubernetes versions, so no plan can move to them yet")
        }
        return SupportVerdict(.platformRelease, .on(binding.end), binding.reason)
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
