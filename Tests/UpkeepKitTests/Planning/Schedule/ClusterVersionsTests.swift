import Testing
@testable import UpkeepKit

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
