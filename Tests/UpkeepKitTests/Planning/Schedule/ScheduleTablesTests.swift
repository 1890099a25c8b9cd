import Testing
@testable import UpkeepKit

/// The scheduler's numbered tables of windows and subjects, called directly on the 2024 sample fleet.
@Suite("Schedule tables")
struct ScheduleTablesTests {
    static func context() -> PlanningContext {
        let (inputs, _) = TestSupport.load(paths: ["releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024"].map { TestSupport.packageRoot.appendingPathComponent($0).path })
        return PlanningContext(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"), horizon: inputs.policy.horizon)
    }

    @Test func aWindowIsNumberedOnceWithItsOccurrencesAndLimit() throws {
        let context = Self.context()
        var windows = WindowTable()
        let firstTime = windows.number("prod-saturday", context: context)
        let first = try #require(firstTime)
        #expect(first.number == 0 && first.isNew)
        let again = windows.number("prod-saturday", context: context)
        #expect(again.map { $0.number == 0 && !$0.isNew } == true)
        let secondTime = windows.number("mgmt-sunday", context: context)
        let second = try #require(secondTime)
        #expect(second.number == 1 && second.isNew)
        #expect(windows.names == ["prod-saturday", "mgmt-sunday"])
        #expect(windows.clusterLimit == [3, nil])
        #expect(windows.occurrences[0] == context.occurrences(of: "prod-saturday") && !windows.occurrences[0].isEmpty)
        #expect(windows.longest[1] == context.longestOccurrence(of: "mgmt-sunday"))
        // A name the schedule does not define has no number.
        let unknown = windows.number("no-such-window", context: context)
        #expect(unknown == nil && windows.names.count == 2)
    }

    @Test func aSubjectIsNumberedOnceWithItsWindowClusterAndRing() throws {
        let context = Self.context()
        var subjects = SubjectTable()
        var windows = WindowTable()
        let cluster = try #require(context.clusters.first { $0.window != nil && $0.ring != nil })
        let key = SubjectTable.Key(name: cluster.name, isManagement: false)
        let numbered = subjects.number(key, context: context) { windows.number($0, context: context)?.number }
        #expect(numbered.number == 0 && numbered.isNew && subjects.number(of: key) == 0)
        let repeated = subjects.number(key, context: context) { _ in nil }
        #expect(repeated == (0, false))
        #expect(subjects.cluster[0] == context.clusterIndex[cluster.name] && subjects.ring[0] == cluster.ring?.name)
        #expect(subjects.window[0].map { windows.names[$0] } == cluster.window?.name)
        // A management cluster has no cluster position and no ring; the same name as a workload cluster is another subject.
        let management = try #require(context.engine.inputs.managementClusters.first)
        let other = subjects.number(SubjectTable.Key(name: management.name, isManagement: true), context: context) { windows.number($0, context: context)?.number }
        #expect(other == (1, true) && subjects.cluster[1] == nil && subjects.ring[1] == nil && subjects.count == 2)
        #expect(subjects.number(of: SubjectTable.Key(name: cluster.name, isManagement: true)) == nil)
    }
}

/// When each ring's placed steps end, which a later ring soaks behind: the latest end per exact version and per minor.
@Suite("Soak ends")
struct SoakEndsTests {
    @Test func theLatestEndPerVersionAndPerMinorIsKept() throws {
        let v1 = try #require(KubernetesVersion(parsing: "1.30.4")), v2 = try #require(KubernetesVersion(parsing: "1.30.9"))
        let early = Instant(startOf: SupportFixtures.date("2024-07-01")), late = early.adding(minutes: 600)
        var ends = SoakEnds()
        ends.record(ring: 0, version: v1, end: late, step: 1)
        ends.record(ring: 0, version: v1, end: early, step: 2)  // earlier: kept out
        ends.record(ring: 0, version: v2, end: early, step: 3)
        #expect(ends.latest(ring: 0, version: v1).map { $0.end == late && $0.step == 1 } == true)
        #expect(ends.latest(ring: 0, version: v2).map { $0.end == early && $0.step == 3 } == true)
        #expect(ends.latest(ring: 0, minor: v1.minorVersion).map { $0.end == late && $0.step == 1 } == true)
        // Another ring, another minor: nothing.
        #expect(ends.latest(ring: 1, version: v1) == nil)
        #expect(ends.latest(ring: 0, minor: KubernetesMinor(major: 1, minor: 31)) == nil)
    }
}

/// The versions the scheduler's placed steps leave each cluster on: from the inventory, one entry moved at a time.
@Suite("Cluster versions")
struct ClusterVersionsTests {
    @Test func aMoveChangesOnlyItsOwnControlPlaneOrPool() throws {
        let context = ScheduleTablesTests.context()
        var versions = ClusterVersions(context.clusters)
        #expect(versions.controlPlane == context.clusters.map(\.kubernetesVersion))
        #expect(versions.pools == context.clusters.map { $0.nodePools.map(\.kubernetesVersion) })
        let position = try #require(context.clusters.firstIndex { $0.nodePools.count >= 2 })
        let next = try #require(KubernetesVersion(parsing: "1.99.1"))
        versions.moveControlPlane(of: position, to: next)
        versions.movePool(1, of: position, to: next)
        #expect(versions.controlPlane[position] == next && versions.pools[position][1] == next)
        #expect(versions.pools[position][0] == context.clusters[position].nodePools[0].kubernetesVersion)
        #expect(versions.controlPlane.indices.filter { versions.controlPlane[$0] != context.clusters[$0].kubernetesVersion } == [position])
    }
}

/// The ring soak gates: a gate closes while its steps are unsettled, lets its waiters go when the last one
/// settles, and opens by ring and minor when a stuck step waits at it.
@Suite("Soak gates")
struct SoakGatesTests {
    @Test func theLastSettledMemberLetsTheWaitersGo() {
        let gate = SoakGates.Gate(ring: 0, minor: KubernetesMinor(major: 1, minor: 30))
        var gates = SoakGates()
        #expect(!gates.isClosed(gate))
        gates.join(gate)
        gates.join(gate)
        gates.wait(7, at: gate)
        gates.wait(9, at: gate)
        #expect(gates.isClosed(gate))
        let first = gates.settle(memberOf: gate)
        #expect(first.isEmpty && gates.isClosed(gate))
        let last = gates.settle(memberOf: gate)
        #expect(last == [7, 9] && !gates.isClosed(gate))
        // The waiters went once: nobody is left at the gate.
        let opened = gates.open(gatesHolding: [7, 9])
        #expect(opened.isEmpty)
    }

    @Test func stuckWaitersOpenTheirClosedGatesInRingAndMinorOrder() {
        let minor30 = KubernetesMinor(major: 1, minor: 30), minor31 = KubernetesMinor(major: 1, minor: 31)
        var gates = SoakGates()
        for gate in [SoakGates.Gate(ring: 1, minor: minor30), SoakGates.Gate(ring: 0, minor: minor31), SoakGates.Gate(ring: 0, minor: minor30)] {
            gates.join(gate)
        }
        gates.wait(1, at: SoakGates.Gate(ring: 1, minor: minor30))
        gates.wait(2, at: SoakGates.Gate(ring: 0, minor: minor31))
        gates.wait(3, at: SoakGates.Gate(ring: 0, minor: minor30))
        let opened = gates.open(gatesHolding: [1, 2])
        #expect(opened.map(\.gate) == [SoakGates.Gate(ring: 0, minor: minor31), SoakGates.Gate(ring: 1, minor: minor30)])
        #expect(opened.map(\.waiters) == [[2], [1]])
        // The gate no stuck step waits at stays as it was.
        let rest = gates.open(gatesHolding: [3])
        #expect(rest.map(\.waiters) == [[3]])
    }
}
