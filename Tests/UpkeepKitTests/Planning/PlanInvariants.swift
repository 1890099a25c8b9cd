import Testing
@testable import UpkeepKit

/// Properties every plan the tests make must have, checked on each of them (PlanFixtures.plan and the
/// plans of the examples).
enum PlanInvariants {
    /// planning.md 3, "Platform first": a Kubernetes step is never unschedulable for want of a release that
    /// offers its minor while a platform update in the same plan moves its management cluster to a release
    /// that offers a patch of that minor, supported on the first day the cluster's window opens after the
    /// update ends (the earliest the step could run on it).
    static func unschedulableForNoReleaseWhileAnUpdateOffersOne(_ plan: Plan, inputs: InputSet, context: PlanningContext? = nil) -> [String] {
        let context = context ?? Self.context(plan, inputs)
        var problems: [String] = []
        for step in plan.steps where step.status == .unschedulable && step.reasons.contains(where: { $0.contains("no release offers") }) {
            guard let clusterName = step.cluster, let position = context.clusterIndex[clusterName] else { continue }
            let cluster = context.clusters[position]
            guard let management = cluster.managementCluster.flatMap({ context.engine.managementClusters[$0.name] }),
                  let timeline = context.timeline(of: management),
                  let minor = KubernetesMinor(parsing: step.to) ?? KubernetesVersion(parsing: step.to)?.minorVersion else { continue }
            for update in plan.steps where update.kind == .platformUpdate && update.managementCluster == management.name {
                guard let end = update.end, let version = PlatformVersion(parsing: update.to), let release = timeline.release(version) else { continue }
                let opens = cluster.window.flatMap { window in context.occurrences(of: window.name).first { $0.end > end } }
                let day = max(end, opens?.start ?? end).utcDate
                let offers = context.offered(release, to: cluster).filter { candidate in
                    candidate.minorVersion == minor && PlatformPatchSupportRule.end(of: candidate, on: timeline).isSupported(on: day)
                }
                if let offered = offers.last {
                    problems.append("\(step.id) is unschedulable (\(step.reasons.last ?? "")) although \(update.id) offers \(offered), supported on \(day)")
                }
            }
        }
        return problems
    }

    /// planning.md 3, "Platform first": a placed Kubernetes step whose version the management cluster's
    /// current release does not offer lists a platform update of that management cluster in `after` and
    /// starts after it ends.
    static func hopsOnANewReleaseWaitForItsUpdate(_ plan: Plan, inputs: InputSet, context: PlanningContext? = nil) -> [String] {
        let context = context ?? Self.context(plan, inputs)
        var problems: [String] = []
        for step in plan.steps where step.kind == .kubernetesUpgrade && step.start != nil {
            guard let clusterName = step.cluster, let position = context.clusterIndex[clusterName] else { continue }
            let cluster = context.clusters[position]
            guard let management = context.management(of: cluster), let timeline = context.timeline(of: management),
                  let version = KubernetesVersion(parsing: step.to) else { continue }
            let current = timeline.release(management.version).map { context.offered($0, to: cluster) } ?? []
            if current.contains(version) { continue }
            let updates = plan.steps.filter { $0.kind == .platformUpdate && $0.managementCluster == management.name && step.after.contains($0.id) }
            if updates.isEmpty {
                problems.append("\(step.id) takes \(version), which \(management.name)'s release \(management.version) does not offer, but waits for no platform update")
            } else if let start = step.start, !updates.allSatisfy({ ($0.end.map { $0 <= start }) ?? false }) {
                problems.append("\(step.id) starts at \(start), before the platform update it waits for ends")
            }
        }
        return problems
    }

    /// Every step names where it goes, placed or not (a blocked Kubernetes step its target minor), so that its id
    /// is never `cluster/kubernetes/`.
    static func everyStepNamesItsTarget(_ plan: Plan) -> [String] {
        plan.steps.filter { $0.to.isEmpty || $0.id.hasSuffix("/") }.map { "\($0.id) (\($0.status.rawValue)) names no target" }
    }

    static func context(_ plan: Plan, _ inputs: InputSet) -> PlanningContext {
        PlanningContext(inputs: inputs, asOf: plan.asOf, horizon: inputs.policy.horizon)
    }

    static func check(_ plan: Plan, inputs: InputSet, sourceLocation: SourceLocation = #_sourceLocation) {
        let context = Self.context(plan, inputs)
        for problem in hopsOnANewReleaseWaitForItsUpdate(plan, inputs: inputs, context: context)
            + unschedulableForNoReleaseWhileAnUpdateOffersOne(plan, inputs: inputs, context: context)
            + SupportThroughHorizonCheck.problems(plan, inputs: inputs) + everyStepNamesItsTarget(plan) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}
