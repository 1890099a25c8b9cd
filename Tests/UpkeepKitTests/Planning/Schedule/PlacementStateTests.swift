import Testing
@testable import UpkeepKit

/// What placing steps changes: the occurrences with room (found past full ones in near-constant time), the
/// latest workload step of each management cluster, and a new subject's empty lists.
@Suite("Placement state")
struct PlacementStateTests {
    @Test func firstOpenSkipsFullOccurrencesAndShortensThePointers() {
        var state = StepScheduler.PlacementState(clusters: [])
        state.nextOpen = [[0, 1, 2, 3, 4, 5]]  // one limited window, five occurrences and the end
        #expect(state.firstOpen(0, from: 1) == 1)
        // Occurrences 1, 2 and 3 fill up, one after the other.
        state.nextOpen[0][1] = 2
        state.nextOpen[0][2] = 3
        state.nextOpen[0][3] = 4
        #expect(state.firstOpen(0, from: 1) == 4)
        #expect(state.nextOpen[0] == [0, 4, 4, 4, 4, 5], "every pointer followed now points at the open occurrence")
        state.nextOpen[0][4] = 5
        #expect(state.firstOpen(0, from: 0) == 0 && state.firstOpen(0, from: 2) == 5)
    }

    @Test func aManagementClusterKeepsItsLatestWorkloadStepEnd() {
        var state = StepScheduler.PlacementState(clusters: [])
        state.addSubject()
        state.addSubject()
        #expect(state.busy.count == 2 && state.placedBySubject.count == 2 && state.workloadLatestEnd.count == 2)
        let day = Instant(startOf: SupportFixtures.date("2024-08-01"))
        state.workloadStepEnds(day.adding(minutes: 60), step: 3, management: 1)
        state.workloadStepEnds(day.adding(minutes: 30), step: 4, management: 1)
        state.workloadStepEnds(day.adding(minutes: 90), step: 5, management: 1)
        #expect(state.workloadLatestEnd[1]?.step == 5 && state.workloadLatestEnd[1]?.end == day.adding(minutes: 90))
        #expect(state.workloadLatestEnd[0] == nil)
    }

    @Test func theClustersStartFromTheirInventory() {
        let context = ScheduleTablesTests.context()
        let state = StepScheduler.PlacementState(clusters: context.clusters)
        #expect(state.poolImage == context.clusters.map { $0.nodePools.map(\.nodeImage) })
        #expect(state.versions.controlPlane == context.clusters.map(\.kubernetesVersion))
    }
}
