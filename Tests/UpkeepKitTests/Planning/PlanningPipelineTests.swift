import Testing
@testable import UpkeepKit

/// The planning pipeline's stages, called one by one: each takes what the earlier ones returned and returns a
/// new value; together they make the plan `Planner.plan` makes.
@Suite("Planning pipeline")
struct PlanningPipelineTests {
    static let asOf = SupportFixtures.date("2024-07-01")

    @Test func theStagesOneByOneMakeThePlannersPlan() throws {
        let context0 = ScheduleTablesTests.context()
        let inputs = context0.engine.inputs
        let pipeline = PlanningPipeline(execution: .serial)
        let base = PlanningContext(inputs: inputs, asOf: Self.asOf, horizon: inputs.policy.horizon)
        let context = pipeline.targets(base)
        #expect(context.clusters.allSatisfy { context.target(of: $0).minor >= $0.kubernetesVersion.minorVersion || context.cannotBeUpdated($0) })
        let decisions = pipeline.platformDecisions(context)
        #expect(!decisions.isEmpty)
        let paths = pipeline.paths(context, decisions: decisions)
        #expect(paths.count == context.clusters.count)
        let graph = StepGraph.make(paths: paths, decisions: decisions, context: context)
        let pathSteps: Int = paths.map(\.drafts.count).reduce(0, +)
        let platformSteps: Int = decisions.values.map(\.chain.count).reduce(0, +)
        #expect(graph.steps.count == pathSteps + platformSteps)
        let schedule = pipeline.schedule(graph, context: context)
        // What a step must achieve is made once: the schedule holds the graph's own requirements, and its
        // placements are a list of their own.
        #expect(schedule.requirements.count > graph.steps.count)
        #expect(zip(graph.steps, schedule.requirements).allSatisfy { $0 === $1 })
        #expect(schedule.placements.count == schedule.requirements.count)
        #expect(schedule.placements.contains { $0.placed })
        let plan = PlanAssembly(context: context, execution: .serial)
            .plan(schedule, earlierFindings: paths.flatMap(\.findings), supportFindings: base.engine.planningFindings(on: Self.asOf), inputFiles: { [] })
        let planned = Planner.plan(inputs: inputs, asOf: Self.asOf, execution: .serial)
        #expect(!plan.steps.isEmpty)
        #expect(PlanJSONRenderer.render(plan) == PlanJSONRenderer.render(planned))
    }

    @Test func theGraphBlocksAnUpdateOnItsOwnDecisionsNotOnTheOnesItWasGiven() throws {
        let context = ScheduleTablesTests.context()
        let pipeline = PlanningPipeline(execution: .serial)
        let decisions = pipeline.platformDecisions(context)
        var paths = pipeline.paths(context, decisions: decisions)
        let position = try #require(context.clusters.indices.first { position in
            context.clusters[position].managementCluster.map { decisions[$0.name]?.updatePlanned == true } ?? false
        })
        let management = try #require(context.clusters[position].managementCluster?.name)
        #expect(decisions[management]?.blockedReason == nil)
        paths[position].bridgeImpossible = true
        let graph = StepGraph.make(paths: paths, decisions: decisions, context: context)
        #expect(graph.decisions[management]?.blockedReason == "cluster \(context.clusters[position].name) has no path into the target release")
        #expect(decisions[management]?.blockedReason == nil, "the platform decisions stage's result is not changed")
        let updates = graph.steps.filter { $0.kind == .platformUpdate && $0.management == management }
        #expect(!updates.isEmpty && updates.allSatisfy { $0.blockedReason == graph.decisions[management]?.blockedReason })
    }
}
