import Testing
@testable import UpkeepKit

/// The placement loop called directly: steps added, run, and what it placed — a step after the one it waits for,
/// a blocked requirement failing with its reason, a step waiting for a step that never gets a slot blocked too.
@Suite("Step scheduler")
struct StepSchedulerTests {
    static func draft(_ context: PlanningContext, cluster: WorkloadCluster, sequence: Int, minutes: Int = 60) -> StepDraft {
        var draft = StepDraft(kind: .nodeImageUpdate, cluster: cluster.name, management: cluster.managementCluster?.name,
                              pool: cluster.nodePools.first?.name, sequence: sequence, ringIndex: context.ring(of: cluster),
                              from: "old", estimatedMinutes: minutes)
        draft.poolIndex = 0
        draft.to = "new-\(sequence)"
        return draft
    }

    @Test func theLoopPlacesAStepAfterTheOneItWaitsForAndFailsWhatCannotRun() throws {
        let context = ScheduleTablesTests.context()
        let cluster = try #require(context.clusters.first { $0.window != nil && !$0.nodePools.isEmpty && !context.cannotBeUpdated($0) })
        var scheduler = StepScheduler(context: context)
        let first = scheduler.add(Self.draft(context, cluster: cluster, sequence: 1))
        let second = scheduler.add(Self.draft(context, cluster: cluster, sequence: 2), predecessors: [first])
        var blocked = Self.draft(context, cluster: cluster, sequence: 3)
        blocked.blockedReason = "the test blocks it"
        let third = scheduler.add(blocked)
        let tooLong = scheduler.add(Self.draft(context, cluster: cluster, sequence: 4, minutes: 60 * 24 * 400))
        let waiting = scheduler.add(Self.draft(context, cluster: cluster, sequence: 5), predecessors: [tooLong])
        scheduler.run(.serial)
        let schedule = scheduler.finish()
        let firstEnd = try #require(schedule.placements[first].end)
        let secondStart = try #require(schedule.placements[second].start)
        #expect(secondStart >= firstEnd, "a step starts once the one it waits for has ended")
        #expect(schedule.placements[first].status == .scheduled && schedule.placements[second].constraintRange.count > 0)
        #expect(schedule.placements[third].status == .blocked && schedule.placements[third].blockedReason == "the test blocks it")
        #expect(!schedule.placements[third].placed)
        #expect(schedule.placements[tooLong].status == .unschedulable)
        #expect(schedule.placements[waiting].status == .blocked && schedule.placements[waiting].blockedReason?.contains("which has no slot") == true)
        #expect(schedule.requirements[second].predecessors == [first], "placing changes no requirement")
        #expect(schedule.clusterPositions[first] == context.clusterIndex[cluster.name])
    }
}
