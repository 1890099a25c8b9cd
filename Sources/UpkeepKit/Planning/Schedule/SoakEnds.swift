/// Planning.md 4, rings: when each ring's placed Kubernetes steps end, per minor and per exact version — what a
/// later ring's step soaks behind.
struct SoakEnds {
    private struct Key: Hashable {
        var ring: Int
        var minor: KubernetesMinor
    }

    private var byMinor: [Key: (end: Instant, step: Int)] = [:]
    private var byVersion: [Key: [KubernetesVersion: (end: Instant, step: Int)]] = [:]

    /// A step of `ring` that brings `version` ends at `end`; the latest end per minor and per version is kept.
    mutating func record(ring: Int, version: KubernetesVersion, end: Instant, step: Int) {
        let key = Key(ring: ring, minor: version.minorVersion)
        if (byMinor[key]?.end).map({ $0 < end }) ?? true { byMinor[key] = (end, step) }
        if (byVersion[key]?[version]?.end).map({ $0 < end }) ?? true { byVersion[key, default: [:]][version] = (end, step) }
    }

    /// The latest end of a step of `ring` bringing exactly `version`.
    func latest(ring: Int, version: KubernetesVersion) -> (end: Instant, step: Int)? {
        byVersion[Key(ring: ring, minor: version.minorVersion)]?[version]
    }

    /// The latest end of a step of `ring` bringing any version of `minor`.
    func latest(ring: Int, minor: KubernetesMinor) -> (end: Instant, step: Int)? {
        byMinor[Key(ring: ring, minor: minor)]
    }
}
