/// One platform's releases in the order they came out, with the questions the support rules ask of
/// them: which release was newest on a day, which minors a release supports, when a version was dropped.
public struct PlatformTimeline: Sendable {
    public let feed: PlatformReleaseFeed
    /// By release date, then version.
    public let releases: [PlatformRelease]

    public init(_ feed: PlatformReleaseFeed) {
        self.feed = feed
        releases = feed.releases.sorted { ($0.released, $0.version) < ($1.released, $1.version) }
    }

    public var platform: String { feed.platform }
    public var rules: PlatformRules { feed.rules }
    public var newestKnown: PlatformRelease? { releases.last }

    /// Releases whose `released` day is on or before `date` (availability rule).
    public func available(on date: CalendarDate) -> [PlatformRelease] {
        releases.filter { $0.released <= date }
    }

    public func newestAvailable(on date: CalendarDate) -> PlatformRelease? {
        available(on: date).last
    }

    public func release(_ version: PlatformVersion) -> PlatformRelease? {
        releases.first { $0.version == version }
    }

    /// The `supportedMinors` newest minors a release lists (preview versions not counted).
    public func supportedMinors(of release: PlatformRelease) -> [KubernetesMinor] {
        Array(Set(release.kubernetesVersions.map(\.minorVersion)).sorted(by: >).prefix(rules.supportedMinors))
    }

    /// The first release, after one that supported `minor`, that no longer supports it.
    public func firstReleaseDropping(_ minor: KubernetesMinor) -> PlatformRelease? {
        var seen = false
        for release in releases {
            let supports = supportedMinors(of: release).contains(minor)
            if supports { seen = true } else if seen { return release }
        }
        return nil
    }

    /// The first release, after one that listed `version`, that no longer lists it.
    public func firstReleaseDropping(_ version: KubernetesVersion) -> PlatformRelease? {
        var seen = false
        for release in releases {
            let lists = release.kubernetesVersions.contains(version)
            if lists { seen = true } else if seen { return release }
        }
        return nil
    }

    /// The earliest announced end of support for `minor` in any release, with the release announcing it.
    public func announcedEnd(of minor: KubernetesMinor) -> (date: CalendarDate, release: PlatformRelease)? {
        var best: (CalendarDate, PlatformRelease)?
        for release in releases {
            for end in release.endOfSupport where end.minor == minor {
                if best == nil || end.date < (best?.0 ?? end.date) { best = (end.date, release) }
            }
        }
        return best
    }

    /// Releases that came out after `version`, oldest first.
    public func releases(newerThan version: PlatformVersion) -> [PlatformRelease] {
        releases.filter { $0.version > version }
    }
}
