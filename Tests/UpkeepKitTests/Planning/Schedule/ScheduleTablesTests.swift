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
        #expect(subjects.number(of: key) == nil)
        let window = SubjectTable.windowName(of: key, context: context).flatMap { windows.number($0, context: context)?.number }
        #expect(window != nil)
        let numbered = subjects.add(key, window: window, context: context)
        #expect(numbered == 0 && subjects.number(of: key) == 0)
        #expect(subjects.cluster[0] == context.clusterIndex[cluster.name] && subjects.ring[0] == cluster.ring?.name)
        #expect(subjects.window[0].map { windows.names[$0] } == cluster.window?.name)
        // A management cluster has no cluster position and no ring; the same name as a workload cluster is another subject.
        let management = try #require(context.engine.inputs.managementClusters.first)
        let managementKey = SubjectTable.Key(name: management.name, isManagement: true)
        #expect(SubjectTable.windowName(of: managementKey, context: context) == management.window?.name)
        let other = subjects.add(managementKey, window: nil, context: context)
        #expect(other == 1 && subjects.cluster[1] == nil && subjects.ring[1] == nil && subjects.count == 2)
        #expect(subjects.number(of: SubjectTable.Key(name: cluster.name, isManagement: true)) == nil)
    }
}
