import Testing
@testable import UpkeepKit

@Suite("dependsOn cycles")
struct DependencyCycleTests {
    static func cluster(_ name: String, _ dependsOn: [String]) -> WorkloadCluster {
        let position = SourcePosition(path: "fleet.yaml", line: 1, column: 1)
        return WorkloadCluster(name: name, managementCluster: nil, ring: nil,
                               kubernetesVersion: KubernetesVersion(major: 1, minor: 30, patch: 0), window: nil,
                               dependsOn: dependsOn.map { Reference(name: $0, position: position) }, state: .running,
                               owner: nil, nodePools: [], position: position)
    }

    @Test func aCycleIsNamedInOrderFromItsFirstCluster() {
        let cycles = DependencyCycles.find(in: [
            Self.cluster("gamma", ["beta"]), Self.cluster("alpha", ["gamma"]), Self.cluster("beta", ["alpha"]),
            Self.cluster("delta", ["alpha"]),
        ])
        #expect(cycles.map(\.names) == [["alpha", "gamma", "beta", "alpha"]])
    }

    @Test func aChainWithoutCycleGivesNothing() {
        #expect(DependencyCycles.find(in: [Self.cluster("a", ["b"]), Self.cluster("b", ["c"]), Self.cluster("c", [])]).isEmpty)
    }

    @Test func separateCyclesAreEachReported() {
        let cycles = DependencyCycles.find(in: [
            Self.cluster("a", ["b"]), Self.cluster("b", ["a"]), Self.cluster("x", ["y"]), Self.cluster("y", ["x"]),
        ])
        #expect(cycles.map(\.names) == [["a", "b", "a"], ["x", "y", "x"]])
    }

    @Test func aLongChainDoesNotExhaustTheStack() {
        let clusters = (0..<20_000).map { Self.cluster("c\($0)", $0 == 19_999 ? ["c0"] : ["c\($0 + 1)"]) }
        let cycles = DependencyCycles.find(in: clusters)
        #expect(cycles.count == 1)
        #expect(cycles.first?.names.count == 20_001)
    }
}
