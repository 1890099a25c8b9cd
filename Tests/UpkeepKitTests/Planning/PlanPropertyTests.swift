import Foundation
import Testing
@testable import UpkeepKit

/// Random fleets (seeded; a failure names its seed and prints its fleet) planned and checked against the rules
/// of planning.md: minors in order, window occurrences in local time across daylight saving, one step at a
/// time per subject, freezes, `maxParallel`, `dependsOn`, ring soak, kubelet skew, platform updates first.
@Suite("Plan properties on random fleets")
struct PlanPropertyTests {
    static let fleets = 300

    @Test func everyRuleHoldsOnThreeHundredRandomFleets() throws {
        var planned = 0, steps = 0
        for seed in 1...UInt64(Self.fleets) {
            let fleet = RandomFleet(seed: seed)
            let (inputs, log) = TestSupport.load(fleet.files)
            guard log.errorCount == 0 else {
                Issue.record("seed \(seed): the random fleet is invalid: \(TestSupport.messages(log))\n\(fleet.files["fleet.yaml"] ?? "")")
                continue
            }
            let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(fleet.asOf))
            let context = PlanInvariants.context(plan, inputs)
            let problems = Self.problems(plan, inputs: inputs)
                + PlanInvariants.hopsOnANewReleaseWaitForItsUpdate(plan, inputs: inputs, context: context)
                + PlanInvariants.unschedulableForNoReleaseWhileAnUpdateOffersOne(plan, inputs: inputs, context: context)
                + SupportThroughHorizonCheck.problems(plan, inputs: inputs)
                + MessyFleetRules.problems(plan, inputs: inputs, context: context)
                + PlanInvariants.everyStepNamesItsTarget(plan)
            if !problems.isEmpty {
                Issue.record("seed \(seed), as of \(fleet.asOf):\n\(problems.joined(separator: "\n"))\n\(fleet.files["fleet.yaml"] ?? "")")
            }
            if ProcessInfo.processInfo.environment["UPKEEP_PROPERTY_DUMP"] == "\(seed)" {
                print(fleet.files["fleet.yaml"] ?? "", PlanTextRenderer.render(plan))
                // UPKEEP_PROPERTY_DUMP_DIR: the fleet's files, to plan with the binary (`upkeep plan DIR --as-of …`).
                if let folder = ProcessInfo.processInfo.environment["UPKEEP_PROPERTY_DUMP_DIR"] {
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    for (name, text) in fleet.files.sorted(by: { $0.key < $1.key }) {
                        try? text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
                    }
                }
            }
            planned += 1
            steps += plan.steps.count { $0.start != nil }
        }
        #expect(planned == Self.fleets)
        #expect(steps > Self.fleets)  // the fleets do get work to place
    }

    /// The checks can fail: a step moved out of its occurrence, a step overlapping another of its cluster and a
    /// skipped minor are each caught.
    @Test func theChecksCatchADoctoredPlan() throws {
        let fleet = try #require((1...UInt64(50)).lazy.map { RandomFleet(seed: $0) }.first { fleet in
            let (inputs, _) = TestSupport.load(fleet.files)
            return Planner.plan(inputs: inputs, asOf: SupportFixtures.date(fleet.asOf)).steps.contains { $0.start != nil && $0.kind == .kubernetesUpgrade && !$0.reasons.contains { $0.contains("jumps straight") } }
        })
        let (inputs, _) = TestSupport.load(fleet.files)
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(fleet.asOf))
        #expect(Self.problems(plan, inputs: inputs).isEmpty)
        let index = try #require(plan.steps.firstIndex { $0.start != nil && $0.kind == .kubernetesUpgrade && !$0.reasons.contains { $0.contains("jumps straight") } })
        func copy(_ step: PlanStep, start: Instant? = nil, to: String? = nil) -> PlanStep {
            PlanStep(id: step.id, kind: step.kind, cluster: step.cluster, managementCluster: step.managementCluster, nodePool: step.nodePool,
                     from: step.from, to: to ?? step.to, occurrence: step.occurrence, start: start ?? step.start, end: step.end,
                     estimatedMinutes: step.estimatedMinutes, due: step.due, dueReason: step.dueReason, status: step.status, after: step.after,
                     reasons: step.reasons, fixes: step.fixes, knownIssues: step.knownIssues, nodeImages: step.nodeImages, order: step.order)
        }
        var early = plan
        early.steps[index] = copy(plan.steps[index], start: plan.steps[index].occurrence?.start.adding(minutes: -60))
        #expect(Self.problems(early, inputs: inputs).contains { $0.contains("outside its occurrence") })
        var skipping = plan
        skipping.steps[index] = copy(plan.steps[index], to: "1.99.0")
        #expect(Self.problems(skipping, inputs: inputs).contains { $0.contains("skips from") })
        var twice = plan
        twice.steps.append(plan.steps[index])
        #expect(Self.problems(twice, inputs: inputs).contains { $0.contains("overlap") })
    }

    /// The support check can fail: a plan whose gap findings are taken away, or whose late step is marked on time,
    /// leaves days out of support that nothing accounts for.
    @Test func theSupportCheckCatchesADoctoredPlan() throws {
        let found = (1...UInt64(100)).lazy.compactMap { seed -> (InputSet, Plan)? in
            let fleet = RandomFleet(seed: seed)
            let (inputs, _) = TestSupport.load(fleet.files)
            let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(fleet.asOf))
            return plan.findings.contains { $0.code.hasPrefix("support-gap-") } ? (inputs, plan) : nil
        }.first
        let (inputs, plan) = try #require(found)
        #expect(SupportThroughHorizonCheck.problems(plan, inputs: inputs).isEmpty)
        var doctored = plan
        doctored.findings.removeAll { $0.code.hasPrefix("support-gap-") }
        #expect(!SupportThroughHorizonCheck.problems(doctored, inputs: inputs).isEmpty, "\(plan.findings.filter { $0.code.hasPrefix("support-gap-") }.map(\.message))\n\(PlanTextRenderer.render(plan))")
    }

    /// Every rule broken by the plan, in words.
    static func problems(_ plan: Plan, inputs: InputSet) -> [String] {
        var problems: [String] = []
        let windows = Dictionary(inputs.windows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let clusters = Dictionary(inputs.clusters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let placed = plan.steps.filter { $0.start != nil && $0.end != nil && $0.occurrence != nil }
        let policy = inputs.policy

        func minor(_ text: String) -> Int? {
            let parts = text.split(separator: ".")
            return parts.count >= 2 ? Int(parts[1]) : nil
        }

        for step in placed {
            guard let start = step.start, let end = step.end, let occurrence = step.occurrence else { continue }
            // Minors one at a time (a cluster out of support may jump to the oldest supported one, and says so).
            if step.kind == .kubernetesUpgrade, let from = minor(step.from), let to = minor(step.to), to - from > 1,
               !step.reasons.contains(where: { $0.contains("jumps straight") }) {
                problems.append("\(step.id) skips from \(step.from) to \(step.to)")
            }
            // Inside its occurrence, which starts at the window's local start time (or where daylight saving
            // moved it that day).
            if start < occurrence.start || end > occurrence.end {
                problems.append("\(step.id) runs \(start) – \(end), outside its occurrence \(occurrence.start) – \(occurrence.end)")
            }
            if let window = windows[occurrence.window], let zone = TimeZoneConverter(identifier: window.timeZone) {
                let offset = zone.offsetMinutes(at: occurrence.start)
                let local = ((occurrence.start.minutesSinceEpoch + offset) % 1440 + 1440) % 1440
                let shifted = zone.offsetMinutes(at: occurrence.start.adding(minutes: -1440)) != offset
                    || zone.offsetMinutes(at: occurrence.start.adding(minutes: 1440)) != offset
                if local != window.startMinute && !shifted {
                    problems.append("\(step.id)'s occurrence starts at local minute \(local) in \(window.timeZone), not \(window.startMinute)")
                }
                if occurrence.end.minutesSinceEpoch - occurrence.start.minutesSinceEpoch != window.duration.minutes {
                    problems.append("\(step.id)'s occurrence lasts \(occurrence.end.minutesSinceEpoch - occurrence.start.minutesSinceEpoch) minutes, not \(window.duration.minutes)")
                }
            }
            // Freezes of its ring (or of every ring), unless the freeze lets security fixes through.
            let ring = step.cluster.flatMap { clusters[$0]?.ring?.name }
            for schedule in inputs.schedules {
                for freeze in schedule.freezes {
                    let covers = freeze.rings.map { rings in ring.map { name in rings.contains { $0.name == name } } ?? false } ?? true
                    guard covers, !(freeze.allow == .security && !step.fixes.isEmpty) else { continue }
                    if occurrence.firstLocalDate <= freeze.to && occurrence.lastLocalDate >= freeze.from {
                        problems.append("\(step.id) runs in \(occurrence.window) \(occurrence.start), inside freeze \(freeze.name)")
                    }
                }
            }
        }
        // One step at a time per cluster and management cluster.
        let bySubject = Dictionary(grouping: placed, by: \.subject)
        for (subject, steps) in bySubject {
            let ordered = steps.sorted { ($0.start ?? .init(minutesSinceEpoch: 0)) < ($1.start ?? .init(minutesSinceEpoch: 0)) }
            for (a, b) in zip(ordered, ordered.dropFirst()) where (a.end ?? a.start!) > b.start! {
                problems.append("\(subject): \(a.id) and \(b.id) overlap")
            }
        }
        // maxParallel: distinct clusters per occurrence.
        let byOccurrence = Dictionary(grouping: placed.filter { $0.cluster != nil }) { "\($0.occurrence!.window)|\($0.occurrence!.start)" }
        for (key, steps) in byOccurrence {
            let window = String(key.split(separator: "|").first ?? "")
            if let limit = windows[window]?.maxParallel, Set(steps.compactMap(\.cluster)).count > limit {
                problems.append("occurrence \(key) has \(Set(steps.compactMap(\.cluster)).count) clusters, more than \(limit)")
            }
        }
        // dependsOn: a step to minor m starts after the listed cluster's first step reaching m or newer ends.
        for step in placed where step.kind == .kubernetesUpgrade {
            guard let name = step.cluster, let cluster = clusters[name], let target = minor(step.to), let start = step.start else { continue }
            for dependency in cluster.dependsOn {
                guard let other = clusters[dependency.name], other.kubernetesVersion.minor < target else { continue }
                let reaching = plan.steps.first { $0.cluster == dependency.name && $0.kind == .kubernetesUpgrade && (minor($0.to) ?? 0) >= target }
                if let end = reaching?.end, end > start {
                    problems.append("\(step.id) starts \(start), before \(reaching?.id ?? "") (dependsOn) ends \(end)")
                } else if reaching?.end == nil {
                    problems.append("\(step.id) is placed although \(dependency.name) (dependsOn) never reaches \(target)")
                }
            }
        }
        // Ring soak: a later ring's step to version v starts after every earlier ring's step to v ended plus
        // that ring's soak (a security fix may go first; a bridge the platform update needs may too, with a warning).
        let rings = policy.rings.map(\.name)
        let gaveWay = Set(plan.findings.filter { $0.code == "ring-order-given-way" }.map(\.subject))
        for step in placed where step.kind == .kubernetesUpgrade && step.nodePool == nil {
            guard let name = step.cluster, let ring = clusters[name]?.ring?.name, let index = rings.firstIndex(of: ring), let start = step.start,
                  !gaveWay.contains("cluster/\(name)"), !(policy.securityBypassesSoak && !step.fixes.isEmpty) else { continue }
            for earlier in placed where earlier.kind == .kubernetesUpgrade && earlier.nodePool == nil && earlier.to == step.to {
                guard let other = earlier.cluster, let otherRing = clusters[other]?.ring?.name, let otherIndex = rings.firstIndex(of: otherRing),
                      otherIndex < index, let end = earlier.end else { continue }
                let soaked = end.adding(minutes: policy.rings[otherIndex].soak.minutes)
                if soaked > start { problems.append("\(step.id) starts \(start), before \(earlier.id) has soaked (until \(soaked))") }
            }
        }
        // Kubelet skew where the plan leaves each cluster: no pool newer than its control plane, none too far behind.
        for row in plan.clusters {
            guard let controlPlane = minor(row.target) else { continue }
            for pool in row.nodePools {
                guard let kubelet = minor(pool.target) else { continue }
                if kubelet > controlPlane || controlPlane - kubelet > policy.kubeletSkew {
                    problems.append("\(row.name)/\(pool.name) ends at \(pool.target) under control plane \(row.target)")
                }
            }
        }
        return problems
    }
}
