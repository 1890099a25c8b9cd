/// Upstream Kubernetes minors with their dates, from a `KubernetesReleases` document or one of the
/// published files that say the same (the Kubernetes project's schedule.yaml and eol.yaml,
/// endoflife.date's product file).
public struct KubernetesReleaseFeed: Sendable {
    public enum Source: String, Sendable {
        case upkeep = "KubernetesReleases"
        case kubernetesSchedule = "Kubernetes release schedule (schedule.yaml)"
        case kubernetesEndOfLife = "Kubernetes end-of-life list (eol.yaml)"
        case endOfLifeDate = "endoflife.date product file"
        case releaseData = "endoflife.date release-data file"
    }

    public var source: Source
    public var position: SourcePosition
    public var minors: [KubernetesMinorRelease]
}

public struct KubernetesMinorRelease: Sendable {
    public var minor: KubernetesMinor
    public var released: CalendarDate?
    public var maintenanceModeFrom: CalendarDate?
    /// The last day of upstream support (the Kubernetes project dates it on the final patch release).
    public var endOfLife: CalendarDate?
    /// True when the date is the actual end (eol.yaml), which wins over a planned one.
    public var endOfLifeIsActual: Bool
    public var patches: [KubernetesPatchRelease]
    public var position: SourcePosition
}

public struct KubernetesPatchRelease: Sendable {
    public var version: KubernetesVersion
    public var released: CalendarDate?
}
