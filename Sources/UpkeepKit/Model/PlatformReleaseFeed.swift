/// A `PlatformReleases` document: the release notes of one platform (for example aks-hybrid).
public struct PlatformReleaseFeed: Sendable {
    public var platform: String
    public var position: SourcePosition
    public var rules: PlatformRules
    public var releases: [PlatformRelease]
}

/// The platform's support rules; every default is AKS hybrid's (inputs.md). A release's support ends at
/// the earliest of the limits set: `supportedReleases` and `maxBehind` (nil when the feed says `none`) and
/// `releaseSupportMonths` (Azure Local's "each release is supported for 6 months"; nil by default).
public struct PlatformRules: Sendable, Equatable {
    public var supportedMinors = 3
    public var minorGracePeriod = TimeSpan.days(30)
    public var supportedReleases: Int? = 3
    public var maxBehind: TimeSpan? = TimeSpan.days(60)
    public var releaseSupportMonths: Int?
    /// The first day no release of the platform is supported (a retired platform); nil when none is announced.
    public var endOfSupport: CalendarDate?
    /// Retirement per host operating system (`endOfSupport: { windows-server-2019: DATE, … }`), sorted by date then
    /// host; empty when the platform retires on one day whatever its hosts run.
    public var endOfSupportByHost: [HostEndOfSupport] = []
    public var updatesTo = PlatformUpdatesTo.latest
    public var nodeImageOnlyUpdates = true
    /// A workload cluster out of support may be upgraded straight back into support, skipping minors (AKS Arc's
    /// cluster-upgrade page); false where the platform upgrades one minor at a time (AKS hybrid).
    public var skipMinorsFromUnsupported = false
    public var certificateValidity = TimeSpan.days(90)

    public init() {}
}

/// The first day a platform is not supported on one host operating system.
public struct HostEndOfSupport: Sendable, Equatable {
    public var host: String
    public var date: CalendarDate
}

extension PlatformRules {
    /// The platform's retirement for a management cluster on `host`: the host's own day, or, when the host is not
    /// given or not listed, the earliest retirement of any host (`assumed` is then true); nil when none is announced.
    public func retirement(host: String?) -> (date: CalendarDate, host: String?, assumed: Bool)? {
        if let host, let entry = endOfSupportByHost.first(where: { $0.host == host }) { return (entry.date, entry.host, false) }
        if let earliest = endOfSupportByHost.first {
            if let single = endOfSupport, single <= earliest.date { return (single, nil, false) }
            return (earliest.date, earliest.host, true)
        }
        return endOfSupport.map { ($0, nil, false) }
    }
}

public struct PlatformRelease: Sendable {
    public var version: PlatformVersion
    public var released: CalendarDate
    /// The day the release was announced with its date and versions, when that was before `released` (a release
    /// known ahead, which a plan may wait for); nil: announced the day it came out.
    public var announced: CalendarDate? = nil
    /// The day the feed entry exists from (planning.md 2, "Facts as of the day").
    public var published: CalendarDate { announced ?? released }
    /// Empty when `versionsPublished` is false.
    public var kubernetesVersions: [KubernetesVersion]
    /// False for a release known to exist (its date is published) whose Kubernetes versions no source gives
    /// (`kubernetesVersions: unknown`): it counts as a newer release for the support rules, but no plan can move to it.
    public var versionsPublished = true
    public var previewKubernetesVersions: [KubernetesVersion]
    /// Image versions this release ships, per family, sorted by family.
    public var nodeImages: [(family: String, version: String)]
    public var fixes: [String]
    public var endOfSupport: [MinorEndOfSupport]
    public var knownIssues: [KnownIssue]
    public var position: SourcePosition
}

/// An announced end of support for a Kubernetes minor: `date` is the first unsupported day.
public struct MinorEndOfSupport: Sendable, Equatable {
    public var minor: KubernetesMinor
    public var date: CalendarDate
}

public struct KnownIssue: Sendable {
    public var id: String
    public var summary: String
    public var affectedVersions: [KubernetesVersion]
    /// nil: every operating system.
    public var affectedOS: OperatingSystem?
    public var workaround: String?
    /// The planner never targets an affected version.
    public var avoid: Bool
}
