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
