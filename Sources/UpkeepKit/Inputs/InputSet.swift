/// Everything read from the inputs, decoded and typed. Files are read in sorted path order, so every
/// list here is in the same order whatever order the paths were given in.
public struct InputSet: Sendable {
    /// Every file read, sorted, as reached from the paths given.
    public var files: [String] = []
    /// SHA-256 of each file read, by path (for the plan's `inputs`), when the loader was asked for them.
    public var fileDigests: [String: String] { digests?.byPath ?? [:] }
    var digests: FileDigests?

    /// Starts computing the digests in the background (they are computed anyway when first asked for).
    public func startDigests() {
        digests?.start()
    }
    public var documentCount = 0
    public var platformFeeds: [PlatformReleaseFeed] = []
    public var kubernetesFeeds: [KubernetesReleaseFeed] = []
    public var nodeImageCatalogs: [NodeImageCatalog] = []
    public var advisories: [SecurityAdvisory] = []
    public var fleets: [Fleet] = []
    /// Every UpgradePolicy document given (at most one is valid).
    public var policies: [UpgradePolicy] = []
    public var schedules: [MaintenanceSchedule] = []

    public init() {}

    /// The policy in force: the one given, or every default.
    public var policy: UpgradePolicy { policies.first ?? UpgradePolicy() }

    /// With one fleet (the usual case) these share the fleet's storage instead of copying it.
    public var managementClusters: [ManagementCluster] {
        fleets.count == 1 ? fleets[0].managementClusters : fleets.flatMap(\.managementClusters)
    }

    public var clusters: [WorkloadCluster] {
        fleets.count == 1 ? fleets[0].clusters : fleets.flatMap(\.clusters)
    }
    public var windows: [MaintenanceWindow] { schedules.flatMap(\.windows) }
    public var freezes: [Freeze] { schedules.flatMap(\.freezes) }
}
