import Testing
@testable import UpkeepKit

/// The planner spreads some of its work over the cores; these tests check that the result is the
/// same as doing it in one pass.
@Suite("Work spread over the cores")
struct ParallelPlanningTests {
    @Test func chunksComeBackInOrder() {
        let count = ParallelChunks.minimumItems * 3 + 7
        let mapped = ParallelChunks.map(count) { range in range.map { $0 * 3 } }
        #expect(mapped == (0..<count).map { $0 * 3 })
    }

    @Test func itemsHandedOutOneAtATimeComeBackInOrder() {
        let execution = ExecutionOptions(workers: 4, minimumItems: 2)
        // Items of very different sizes: the results still come back in index order.
        let results = execution.each(500) { index in index % 97 == 0 ? (0..<20_000).reduce(index, &+) : index * 2 }
        #expect(results == (0..<500).map { index in index % 97 == 0 ? (0..<20_000).reduce(index, &+) : index * 2 })
        #expect(ExecutionOptions.serial.each(3) { $0 + 1 } == [1, 2, 3])
    }

    @Test func twoHalvesSortAsOne() {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<(ParallelChunks.minimumItems * 2 + 11)).map { _ in Int.random(in: 0..<500, using: &generator) }
        // Ties broken by position, as the planner's orders are: the order is total.
        let order = ParallelSort.sorted(Array(keys.indices)) { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        #expect(order == keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 })
    }

    /// Many pools on old images in three windows (one with `maxParallel`, one on a time zone with
    /// daylight saving): planned with the work spread over four threads in small chunks, the plan and
    /// every step's constraints are the same as on one thread.
    @Test func workSpreadOverTheCoresGivesTheSamePlan() throws {
        let windows = ["daily", "narrow", "berlin"]
        let clusters = (0..<36).map { index in
            PlanFixtures.Cluster(
                name: "c\(index)", version: "1.29.4", ring: ["dev", "staging", "prod"][index % 3], window: windows[index % 3],
                pools: [
                    PlanFixtures.Pool(name: "a", version: "1.29.4", image: "202402.01.0", nodes: 1 + index % 4),
                    PlanFixtures.Pool(name: "b", version: "1.29.4", image: "202404.01.0", nodes: 2),
                ])
        }
        let schedule = PlanFixtures.schedule(extraWindows: """
              - name: narrow
                timeZone: UTC
                weekly: { days: [tuesday, friday], start: "02:00", duration: 3h }
                maxParallel: 3
              - name: berlin
                timeZone: Europe/Berlin
                weekly: { days: [saturday], start: "22:00", duration: 5h }
            """)
        let catalog = """
            apiVersion: upkeep/v1
            kind: NodeImageCatalog
            month: 2024-09
            images:
              - { family: linux-1, os: linux, version: "202402.01.0", released: 2024-02-01 }
              - { family: linux-1, os: linux, version: "202404.01.0", released: 2024-04-01 }
              - { family: linux-1, os: linux, version: "202406.01.0", released: 2024-06-01 }
              - { family: linux-1, os: linux, version: "202407.15.0", released: 2024-07-15, announced: 2024-06-01 }
              - { family: linux-1, os: linux, version: "202409.02.0", released: 2024-09-02, announced: 2024-06-01 }
            """
        let files = [
            "platform.yaml": PlanFixtures.platform([.init(version: "1.0.1.0", released: "2024-05-01", versions: ["1.29.4", "1.30.2"])],
                                                   rules: "supportedMinors: 3, nodeImageOnlyUpdates: true"),
            "fleet.yaml": PlanFixtures.fleet(clusters: clusters),
            "schedule.yaml": schedule,
            "policy.yaml": PlanFixtures.policy("nodeImageMaxAge: 45d\n"),
            "images.yaml": catalog,
        ]
        let (inputs, log) = TestSupport.load(files)
        try #require(log.errorCount == 0, "\(TestSupport.messages(log))")
        let asOf = SupportFixtures.date("2024-07-01")
        // Small chunks, so that even this fleet is spread over the cores.
        let onePass = Planner.plan(inputs: inputs, asOf: asOf, execution: .serial)
        let spread = Planner.plan(inputs: inputs, asOf: asOf, execution: ExecutionOptions(workers: 4, minimumItems: 2))
        let imageUpdates = onePass.steps.filter { $0.kind == .nodeImageUpdate }
        // The fleet must exercise what it is meant to: many image updates, chained, in every window.
        #expect(imageUpdates.count > 72)
        #expect(imageUpdates.contains { !$0.after.isEmpty })
        #expect(Set(imageUpdates.compactMap { $0.occurrence?.window }) == Set(windows))
        #expect(PlanJSONRenderer.render(spread) == PlanJSONRenderer.render(onePass))
        #expect(spread.steps.map { spread.constraints(of: $0) } == onePass.steps.map { onePass.constraints(of: $0) })
        PlanInvariants.check(onePass, inputs: inputs)
    }
}
