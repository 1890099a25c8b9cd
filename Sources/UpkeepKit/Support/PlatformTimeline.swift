/// One platform's releases in the order they came out, with the questions the support rules ask of
/// them: which release was newest on a day, which minors a release supports, when a version was dropped.
public struct PlatformTimeline: Sendable {
    public let feed: PlatformReleaseFeed
    /// The releases whose Kubernetes versions are published, by release date, then version: the ones a plan may move to.
    public let releases: [PlatformRelease]
    /// Releases known to exist whose Kubernetes versions no source gives (`kubernetesVersions: unknown`), by
    /// release date, then version. They count as newer releases for the release support rules only.
    public let unpublished: [PlatformRelease]

    /// Computed once: the rules ask these for every cluster and pool of a large fleet.
    private let supportedMinorsByRelease: [[KubernetesMinor]]
    private let minorDroppedBy: [KubernetesMinor: Int]
    private let versionDroppedBy: [KubernetesVersion: Int]
    private let announcedEnds: [KubernetesMinor: (date: CalendarDate, release: Int)]
    private let newestVersions: Set<KubernetesVersion>

    public init(_ feed: PlatformReleaseFeed) {
        self.feed = feed
        let sorted = feed.releases.sorted { ($0.released, $0.version) < ($1.released, $1.version) }
        let releases = sorted.filter(\.versionsPublished)
        self.releases = releases
        unpublished = sorted.filter { !$0.versionsPublished }
        let supported = releases.map { release in
            Array(Set(release.kubernetesVersions.map(\.minorVersion)).sorted(by: >).prefix(feed.rules.supportedMinors))
        }
        supportedMinorsByRelease = supported
        var minorSeen = Set<KubernetesMinor>(), versionSeen = Set<KubernetesVersion>()
        var minorDropped: [KubernetesMinor: Int] = [:], versionDropped: [KubernetesVersion: Int] = [:]
        var ends: [KubernetesMinor: (date: CalendarDate, release: Int)] = [:]
        for (index, release) in releases.enumerated() {
            let minors = Set(supported[index]), versions = Set(release.kubernetesVersions)
            for minor in minorSeen where !minors.contains(minor) && minorDropped[minor] == nil { minorDropped[minor] = index }
            for version in versionSeen where !versions.contains(version) && versionDropped[version] == nil { versionDropped[version] = index }
            minorSeen.formUnion(minors)
            versionSeen.formUnion(versions)
            for end in release.endOfSupport where ends[end.minor].map({ end.date < $0.date }) ?? true {
                ends[end.minor] = (end.date, index)
            }
        }
        minorDroppedBy = minorDropped
        versionDroppedBy = versionDropped
        announcedEnds = ends
        newestVersions = Set(releases.last?.kubernetesVersions ?? [])
    }

    public var platform: String { feed.platform }
    public var rules: PlatformRules { feed.rules }
    public var newestKnown: PlatformRelease? { releases.last }

    /// The newest release known to exist, whether or not its versions are published.
    public var newestExisting: PlatformRelease? {
        [releases.last, unpublished.last].compactMap { $0 }.max { ($0.released, $0.version) < ($1.released, $1.version) }
    }

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

    /// A release known to exist, published or not.
    public func existingRelease(_ version: PlatformVersion) -> PlatformRelease? {
        release(version) ?? unpublished.first { $0.version == version }
    }

    /// Releases newer than `version` whose Kubernetes versions are not published, oldest first.
    public func unpublishedReleases(newerThan version: PlatformVersion) -> [PlatformRelease] {
        unpublished.filter { $0.version > version }
    }

    /// The `supportedMinors` newest minors a release lists (preview versions not counted).
    public func supportedMinors(of release: PlatformRelease) -> [KubernetesMinor] {
        if let index = releases.firstIndex(where: { $0.version == release.version }) { return supportedMinorsByRelease[index] }
        return Array(Set(release.kubernetesVersions.map(\.minorVersion)).sorted(by: >).prefix(rules.supportedMinors))
    }

    /// The first release, after one that supported `minor`, that no longer supports it.
    public func firstReleaseDropping(_ minor: KubernetesMinor) -> PlatformRelease? {
        minorDroppedBy[minor].map { releases[$0] }
    }

    /// The first release, after one that listed `version`, that no longer lists it.
    public func firstReleaseDropping(_ version: KubernetesVersion) -> PlatformRelease? {
        versionDroppedBy[version].map { releases[$0] }
    }

    /// Whether the newest known release lists the version.
    public func newestListsVersion(_ version: KubernetesVersion) -> Bool {
        newestVersions.contains(version)
    }

    /// The earliest announced end of support for `minor` in any release, with the release announcing it.
    public func announcedEnd(of minor: KubernetesMinor) -> (date: CalendarDate, release: PlatformRelease)? {
        announcedEnds[minor].map { ($0.date, releases[$0.release]) }
    }

    /// Releases that came out after `version`, oldest first.
    public func releases(newerThan version: PlatformVersion) -> [PlatformRelease] {
        releases.filter { $0.version > version }
    }

    /// Where a release-by-release path (`updatesTo: next`) from `version` must stop: the releases right after it
    /// whose Kubernetes versions no source gives, and the first published release after them (nil when none).
    /// Nil when the path is not release by release or the next release is published. Such releases are steps
    /// the platform takes; a plan cannot check what they offer, so it does not plan through them.
    public func pathBlock(after version: PlatformVersion) -> (unknown: [PlatformRelease], nextKnown: PlatformRelease?)? {
        guard rules.updatesTo == .next else { return nil }
        let all = (releases(newerThan: version) + unpublishedReleases(newerThan: version)).sorted { $0.version < $1.version }
        let unknown = all.prefix { !$0.versionsPublished }
        guard !unknown.isEmpty else { return nil }
        return (Array(unknown), all.dropFirst(unknown.count).first)
    }

    /// The sentence saying why a release-by-release path stops after `version` (nil when it does not).
    public func pathBlockReason(after version: PlatformVersion) -> String? {
        guard let block = pathBlock(after: version) else { return nil }
        let names = block.unknown.map(\.version.description).joined(separator: ", ")
        let beyond = block.nextKnown.map { " before \($0.version)" } ?? ""
        return "\(platform) updates one release at a time, and the next \(block.unknown.count == 1 ? "release" : "releases") \(names) after \(version) \(block.unknown.count == 1 ? "has" : "have") no published Kubernetes versions, so the update path stops at \(version)\(beyond) until the feed gives them"
    }
}
