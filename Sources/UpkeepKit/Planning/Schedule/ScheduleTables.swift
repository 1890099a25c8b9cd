/// The windows a schedule places steps into, numbered once, so that the scheduler keeps its per-window state in
/// arrays: each window's name, occurrences, longest occurrence and cluster limit (`max-parallel`).
struct WindowTable {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]
    private(set) var occurrences: [[WindowOccurrence]] = []
    private(set) var longest: [Int] = []
    private(set) var clusterLimit: [Int?] = []

    /// The number of a window the schedule defines (nil for a name it does not), numbering it when new (`isNew`).
    mutating func number(_ name: String, context: PlanningContext) -> (number: Int, isNew: Bool)? {
        if let known = numbers[name] { return (known, false) }
        guard let window = context.windows[name] else { return nil }
        numbers[name] = names.count
        names.append(name)
        occurrences.append(context.occurrences(of: name))
        longest.append(context.longestOccurrence(of: name))
        clusterLimit.append(window.clusterLimit)
        return (names.count - 1, true)
    }
}

/// The subjects a schedule places steps of (workload and management clusters), numbered once, so that the
/// scheduler keeps its per-subject state in arrays: each subject's window number, position in the context's
/// clusters (workload clusters) and ring name. The scheduler numbers them up front in name order, so the number
/// is also the name's place in the priority order.
struct SubjectTable {
    struct Key: Hashable {
        var name: String
        var isManagement: Bool
    }

    private var numbers: [Key: Int] = [:]
    private(set) var window: [Int?] = []
    private(set) var cluster: [Int?] = []
    private(set) var ring: [String?] = []

    var count: Int { window.count }

    /// The number of a known subject.
    func number(of key: Key) -> Int? { numbers[key] }

    /// The number of a subject, numbering it when new (`isNew`); `windowNumber` numbers its window.
    mutating func number(_ key: Key, context: PlanningContext, windowNumber: (String) -> Int?) -> (number: Int, isNew: Bool) {
        if let known = numbers[key] { return (known, false) }
        let number = window.count
        numbers[key] = number
        let position = key.isManagement ? nil : context.clusterIndex[key.name]
        cluster.append(position)
        ring.append(position.flatMap { context.clusters[$0].ring?.name })
        let name = key.isManagement ? context.engine.managementClusters[key.name]?.window?.name : position.flatMap { context.clusters[$0].window?.name }
        window.append(name.flatMap(windowNumber))
        return (number, true)
    }
}

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

/// Each workload cluster's versions as the scheduler's placed steps leave them (by position in the context's
/// clusters): its control plane's and each pool's, starting from the inventory's.
struct ClusterVersions {
    private(set) var controlPlane: [KubernetesVersion]
    private(set) var pools: [[KubernetesVersion]]

    init(_ clusters: [WorkloadCluster]) {
        controlPlane = clusters.map(\.kubernetesVersion)
        pools = clusters.map { $0.nodePools.map(\.kubernetesVersion) }
    }

    mutating func moveControlPlane(of cluster: Int, to version: KubernetesVersion) {
        controlPlane[cluster] = version
    }

    mutating func movePool(_ pool: Int, of cluster: Int, to version: KubernetesVersion) {
        pools[cluster][pool] = version
    }
}

/// Planning.md 4, rings: the soak gates. A later ring's step to a minor waits at the gate of each earlier ring and
/// that minor until every step of the gate (that ring's steps to the minor) is settled, placed or failed.
struct SoakGates {
    struct Gate: Hashable {
        var ring: Int
        var minor: KubernetesMinor
    }

    private var members: [Gate: Int] = [:]
    private var waiters: [Gate: [Int]] = [:]

    /// A step that counts toward `gate`.
    mutating func join(_ gate: Gate) {
        members[gate, default: 0] += 1
    }

    /// Whether steps of `gate` are still unsettled (a step that would wait there has to).
    func isClosed(_ gate: Gate) -> Bool {
        (members[gate] ?? 0) > 0
    }

    /// Step `index` waits at `gate`.
    mutating func wait(_ index: Int, at gate: Gate) {
        waiters[gate, default: []].append(index)
    }

    /// A step of `gate` is settled; when it was the last, the steps that waited there go on (returned).
    mutating func settle(memberOf gate: Gate) -> [Int] {
        members[gate, default: 1] -= 1
        guard members[gate] == 0 else { return [] }
        defer { waiters[gate] = nil }
        return waiters[gate] ?? []
    }

    /// Opens every closed gate one of `stuck` waits at, by ring and minor: each gate and the steps that waited there.
    mutating func open(gatesHolding stuck: Set<Int>) -> [(gate: Gate, waiters: [Int])] {
        let gates = waiters.keys.filter { gate in isClosed(gate) && (waiters[gate] ?? []).contains { stuck.contains($0) } }
            .sorted { ($0.ring, $0.minor) < ($1.ring, $1.minor) }
        return gates.map { gate in
            defer { waiters[gate] = nil }
            return (gate, waiters[gate] ?? [])
        }
    }
}
