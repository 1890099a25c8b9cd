/// Finds `dependsOn` cycles among clusters: one cycle per group of clusters that depend on each other,
/// named in order from its alphabetically first cluster (`alpha → gamma → beta → alpha`).
public enum DependencyCycles {
    public struct Cycle: Equatable, Sendable {
        /// The clusters in order, the first repeated at the end.
        public var names: [String]
        /// The first cluster's dependsOn entry that starts the cycle.
        public var position: SourcePosition
    }

    public static func find(in clusters: [WorkloadCluster]) -> [Cycle] {
        // Only clusters that depend on something can be in a cycle.
        var edges: [String: [Reference]] = [:]
        for cluster in clusters where !cluster.dependsOn.isEmpty && edges[cluster.name] == nil {
            edges[cluster.name] = cluster.dependsOn
                .filter { $0.name != cluster.name }
                .sorted { UTF8Order.precedes($0.name, $1.name) }
        }
        let names = edges.keys.sorted { UTF8Order.precedes($0, $1) }
        let groups = stronglyConnectedGroups(names: names, edges: edges)
        var cycles: [Cycle] = []
        for group in groups where group.count > 1 {
            let members = Set(group)
            guard let start = group.min(by: { UTF8Order.precedes($0, $1) }),
                  let path = pathBack(to: start, from: start, members: members, edges: edges, visited: []),
                  let first = edges[start]?.first(where: { $0.name == path.dropFirst().first }) else { continue }
            cycles.append(Cycle(names: path, position: first.position))
        }
        return cycles.sorted { UTF8Order.precedes($0.names.joined(separator: "\u{0}"), $1.names.joined(separator: "\u{0}")) }
    }

    /// A path start → … → start inside the group, taking neighbours in name order.
    private static func pathBack(to start: String, from current: String, members: Set<String>, edges: [String: [Reference]], visited: Set<String>) -> [String]? {
        var stack: [(name: String, path: [String])] = [(current, [current])]
        var seen = visited
        while let (name, path) = stack.popLast() {
            let neighbours = (edges[name] ?? []).map(\.name).filter { members.contains($0) }
            if neighbours.contains(start) { return path + [start] }
            guard !seen.contains(name) else { continue }
            seen.insert(name)
            for neighbour in neighbours.reversed() where !seen.contains(neighbour) {
                stack.append((neighbour, path + [neighbour]))
            }
        }
        return nil
    }

    /// Tarjan's algorithm, iterative so that a long chain cannot overflow the stack.
    private static func stronglyConnectedGroups(names: [String], edges: [String: [Reference]]) -> [[String]] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowLinks: [String: Int] = [:]
        var onStack = Set<String>()
        var stack: [String] = []
        var groups: [[String]] = []
        for root in names where indices[root] == nil {
            var work: [(name: String, next: Int)] = [(root, 0)]
            indices[root] = index; lowLinks[root] = index; index += 1
            stack.append(root); onStack.insert(root)
            while let (name, next) = work.last {
                let neighbours = (edges[name] ?? []).map(\.name).filter { edges[$0] != nil }
                if next < neighbours.count {
                    work[work.count - 1].next += 1
                    let neighbour = neighbours[next]
                    if indices[neighbour] == nil {
                        indices[neighbour] = index; lowLinks[neighbour] = index; index += 1
                        stack.append(neighbour); onStack.insert(neighbour)
                        work.append((neighbour, 0))
                    } else if onStack.contains(neighbour) {
                        lowLinks[name] = min(lowLinks[name] ?? 0, indices[neighbour] ?? 0)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last {
                    lowLinks[parent.name] = min(lowLinks[parent.name] ?? 0, lowLinks[name] ?? 0)
                }
                if lowLinks[name] == indices[name] {
                    var group: [String] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        group.append(member)
                        if member == name { break }
                    }
                    groups.append(group)
                }
            }
        }
        return groups
    }
}
