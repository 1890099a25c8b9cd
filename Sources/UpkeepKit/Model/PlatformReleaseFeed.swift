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
    public var updatesTo = PlatformUpdatesTo.latest
    public var nodeImageOnlyUpdates = true
    public var certificateValidity = TimeSpan.days(90)

    public init() {}
}

public struct PlatformRelease: Sendable {
    public var version: PlatformVersion
    public var released: CalendarDate
    public var kubernetesVersions: [KubernetesVersion]
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
