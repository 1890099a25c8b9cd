import Testing
@testable import UpkeepKit

/// planning.md 5 as `upkeep explain` tells it: one test per kind of constraint the scheduler records while
/// placing a step, on a small fleet built for it, each checking the constraint's `notBefore`, what it names
/// and whether it is the binding one.
@Suite("Placement constraints, one kind at a time")
struct PlacementConstraintTests {
    typealias P = PlanFixtures

    static let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1", "1.30.1"])])
    /// Every day 00:00–04:00 UTC.
    static let midnight = """
          - name: midnight
            timeZone: UTC
            weekly: { days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday], start: "00:00", duration: 4h }
        """

    static func constraint(_ plan: Plan, _ step: PlanStep, _ kind: String) -> PlanStep.Constraint? {
        plan.constraints(of: step).last { $0.kind == kind }
    }

    static func binding(_ plan: Plan, _ step: PlanStep) -> PlanStep.Constraint? {
        plan.constraints(of: step).first { $0.binding }
    }

    @Test func asOf_aStepInAWindowOpenAtTheStartOfTheDayIsBoundByAsOf() throws {
        let fleet = P.fleet(clusters: [P.Cluster(name: "early", version: "1.28.1", window: "midnight")])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, schedule: P.schedule(extraWindows: Self.midnight), policy: P.policy("target: n-1\n"))
        let hop = try #require(plan.steps(of: "early").first)
        #expect(hop.start?.description == "2024-07-01T00:00:00Z")
        #expect(Self.binding(plan, hop)?.kind == "as-of" && Self.binding(plan, hop)?.notBefore.description == "2024-07-01T00:00:00Z")
    }

    @Test func releaseAvailable_aPlatformUpdateWaitsForItsReleaseDay() throws {
        let feed = P.platform([
            P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1"]),
            P.Release(version: "1.0.2.0", released: "2024-08-20", versions: ["1.28.2"]),
        ])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []))
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        let available = try #require(Self.constraint(plan, update, "release-available"))
        #expect(available.notBefore.description == "2024-08-20T00:00:00Z" && available.detail.contains("1.0.2.0"))
        // The first Sunday window after it opens on 08-25: the window binds.
        #expect(update.start?.description == "2024-08-25T03:00:00Z" && Self.binding(plan, update)?.kind == "window")
    }

    @Test func after_theSecondHopStartsWhenTheFirstEnds() throws {
        let fleet = P.fleet(clusters: [P.Cluster(name: "two-hops", version: "1.28.1")])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, policy: P.policy("target: latest\n"))
        let hops = plan.steps(of: "two-hops").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.map(\.to) == ["1.29.1", "1.30.1"])
        let binding = try #require(Self.binding(plan, hops[1]))
        #expect(binding.kind == "after" && binding.steps == [hops[0].id] && binding.notBefore == hops[0].end)
        #expect(hops[1].start == hops[0].end)
    }

    @Test func platformUpdate_aHopInTheSameWindowStartsWhenTheUpdateEnds() throws {
        let fleet = P.fleet(clusters: [P.Cluster(name: "beside", version: "1.28.1", window: "mgmt-window")])
        let (plan, _) = P.plan(platform: PlatformFirstHopTests.feed, fleet: fleet, policy: PlatformFirstHopTests.policy)
        let update = try #require(plan.steps.first { $0.kind == .platformUpdate })
        let hop = try #require(plan.steps(of: "beside").first { $0.kind == .kubernetesUpgrade })
        let binding = try #require(Self.binding(plan, hop))
        #expect(binding.kind == "platform-update" && binding.steps == [update.id] && binding.notBefore == update.end)
        #expect(hop.start == update.end)
    }

    @Test func soak_aLaterRingWaitsForTheEarlierRingsStepPlusItsSoak() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])], rules: "supportedMinors: 2")
        let fleet = P.fleet(clusters: [P.Cluster(name: "stage", version: "1.28.1", ring: "staging", window: "midnight"),
                                       P.Cluster(name: "prod", version: "1.28.1", ring: "prod", window: "midnight")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, schedule: P.schedule(extraWindows: Self.midnight), policy: P.policy("target: latest\n"))
        let staging = try #require(plan.steps(of: "stage").first)
        let production = try #require(plan.steps(of: "prod").first)
        let soak = try #require(Self.constraint(plan, production, "soak"))
        #expect(soak.steps == [staging.id] && soak.detail.contains("staging") && soak.detail.contains("7 days"))
        #expect(soak.notBefore == staging.end?.adding(minutes: 7 * 1440))
        #expect(production.start.map { $0 >= soak.notBefore } == true)
    }

    @Test func freeze_aFrozenOccurrenceIsPassedOverAndTheFreezeBinds() throws {
        let freezes = "  - { name: summer, from: 2024-07-01, to: 2024-07-03 }\n"
        let fleet = P.fleet(clusters: [P.Cluster(name: "frozen", version: "1.28.1")])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, schedule: P.schedule(freezes: freezes), policy: P.policy("target: n-1\n"))
        let hop = try #require(plan.steps(of: "frozen").first)
        #expect(hop.start?.description == "2024-07-04T01:00:00Z")
        let binding = try #require(Self.binding(plan, hop))
        #expect(binding.kind == "freeze" && binding.detail == "freeze summer (2024-07-01 – 2024-07-03)")
        #expect(binding.notBefore.description == "2024-07-03T05:00:00Z")
    }

    @Test func occurrenceFull_aStepThatNoLongerFitsGoesToTheNextOccurrence() throws {
        // Each hop takes 30m + 9 nodes × 12m = 2h 18m: the second no longer fits the 4-hour occurrence.
        let fleet = P.fleet(clusters: [P.Cluster(name: "long", version: "1.28.1", pools: [P.Pool(version: "1.28.1", nodes: 9)])])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, policy: P.policy("target: latest\n"))
        let hops = plan.steps(of: "long").filter { $0.kind == .kubernetesUpgrade }
        #expect(hops.count == 2)
        let binding = try #require(Self.binding(plan, hops[1]))
        #expect(binding.kind == "occurrence-full" && binding.detail.contains("2h 18m"))
        #expect(binding.notBefore.description == "2024-07-01T05:00:00Z" && hops[1].start?.description == "2024-07-02T01:00:00Z")
    }

    @Test func maxParallel_aFullOccurrenceNamesTheStepsThatTookItsPlaces() throws {
        let limited = """
              - name: one-at-a-time
                timeZone: UTC
                weekly: { days: [monday, tuesday, wednesday, thursday, friday, saturday, sunday], start: "01:00", duration: 4h }
                maxParallel: 1
            """
        let fleet = P.fleet(clusters: [P.Cluster(name: "first", version: "1.28.1", window: "one-at-a-time"),
                                       P.Cluster(name: "second", version: "1.28.1", window: "one-at-a-time")])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, schedule: P.schedule(extraWindows: limited), policy: P.policy("target: n-1\n"))
        let first = try #require(plan.steps(of: "first").first)
        let second = try #require(plan.steps(of: "second").first)
        let binding = try #require(Self.binding(plan, second))
        #expect(binding.kind == "max-parallel" && binding.steps == [first.id] && binding.detail.contains("at most 1"))
        #expect(first.start?.description == "2024-07-01T01:00:00Z" && second.start?.description == "2024-07-02T01:00:00Z")
    }

    @Test func window_aStepWaitsForItsWindowToOpen() throws {
        let fleet = P.fleet(clusters: [P.Cluster(name: "plain", version: "1.28.1")])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, policy: P.policy("target: n-1\n"))
        let hop = try #require(plan.steps(of: "plain").first)
        let binding = try #require(Self.binding(plan, hop))
        #expect(binding.kind == "window" && binding.notBefore.description == "2024-07-01T01:00:00Z" && binding.detail.hasPrefix("window daily"))
        // Every constraint is at or before the start, and the step's own as-of is there too.
        #expect(plan.constraints(of: hop).allSatisfy { constraint in hop.start.map { constraint.notBefore <= $0 } ?? false })
        #expect(plan.constraints(of: hop).map(\.kind).first == "as-of")
    }
}
