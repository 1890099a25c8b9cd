@testable import UpkeepKit

/// The rules a plan must keep on the fleets operators write (issue 29): certificates first, no skipped minor where
/// the platform forbids it and no jump onto an unsupported patch, no release skipped on a release-by-release path.
/// Checked on the random fleets of the property test and on the messy end-to-end fleet; each problem in words.
enum MessyFleetRules {
    static func problems(_ plan: Plan, inputs: InputSet, context: PlanningContext) -> [String] {
        hops(plan, context: context) + certificates(plan, context: context) + releasePaths(plan, context: context)
    }

    /// Minors one at a time; a jump over minors only where the platform allows it (never standalone), onto a patch
    /// supported on the day the step starts.
    static func hops(_ plan: Plan, context: PlanningContext) -> [String] {
        var problems: [String] = []
        for step in plan.steps where step.kind == .kubernetesUpgrade && step.nodePool == nil {
            guard let start = step.start, let from = KubernetesVersion(parsing: step.from), let to = KubernetesVersion(parsing: step.to),
                  to.minorVersion.distance(from: from.minorVersion) > 1 else { continue }
            guard let name = step.cluster, let position = context.clusterIndex[name],
                  let management = context.management(of: context.clusters[position]), let timeline = context.timeline(of: management) else {
                problems.append("\(step.id): a standalone cluster skips from \(step.from) to \(step.to)")
                continue
            }
            if !timeline.rules.skipMinorsFromUnsupported { problems.append("\(step.id): \(timeline.platform) upgrades one minor at a time, and the step skips from \(step.from) to \(step.to)") }
            if !PlatformPatchSupportRule.end(of: to, on: timeline).isSupported(on: start.utcDate) {
                problems.append("\(step.id) jumps onto \(step.to), out of support on \(start.utcDate)")
            }
        }
        return problems
    }

    /// Lapsed certificates come first: every placed step of the management cluster and its clusters starts after
    /// the renewal ends. No rotation inside the validity a renewal before it gave.
    static func certificates(_ plan: Plan, context: PlanningContext) -> [String] {
        var problems: [String] = []
        for management in PlanAssembly.uniqueByName(context.engine.inputs.managementClusters) {
            guard let timeline = context.timeline(of: management) else { continue }
            let validity = timeline.rules.certificateValidity.days
            let ownSteps = plan.steps.filter { $0.managementCluster == management.name && $0.start != nil }
            let renewals = ownSteps.filter { $0.kind == .certificateRotation || $0.kind == .platformUpdate }
                .sorted { ($0.start ?? .init(minutesSinceEpoch: 0)) < ($1.start ?? .init(minutesSinceEpoch: 0)) }
            if case .expired = CertificateRenewal.lapse(of: management, context: context) {
                guard let first = renewals.first, first.kind == .certificateRotation, let end = first.end else {
                    problems.append("management cluster \(management.name)'s certificates have expired and its first renewal is not a rotation: \(renewals.first?.id ?? "none")")
                    continue
                }
                for step in ownSteps where step.id != first.id && (step.start ?? end) < end {
                    problems.append("\(step.id) starts before \(first.id), which renews the expired certificates of \(management.name)")
                }
            }
            for (index, rotation) in renewals.enumerated() where rotation.kind == .certificateRotation && index > 0 {
                guard let start = rotation.start, let previous = renewals[..<index].last(where: { $0.kind == .certificateRotation || $0.end.map { $0.utcDate < (CalendarDate(parsing: rotation.from) ?? $0.utcDate) } ?? false }),
                      let end = previous.end else { continue }
                // The expiry it addresses is the one the renewal before it set, not an earlier one it made moot.
                if let addressed = CalendarDate(parsing: rotation.from), addressed < end.utcDate.adding(days: validity), start > end {
                    problems.append("\(rotation.id) rotates certificates that \(previous.id) renewed for \(validity) days")
                }
            }
        }
        return problems
    }

    /// Release by release (`updatesTo: next`): each platform update goes to the very next release the feed knows,
    /// published or not, and never to one whose versions are unknown.
    static func releasePaths(_ plan: Plan, context: PlanningContext) -> [String] {
        var problems: [String] = []
        for step in plan.steps where step.kind == .platformUpdate {
            guard let name = step.managementCluster, let management = context.engine.managementClusters[name],
                  let timeline = context.timeline(of: management), timeline.rules.updatesTo == .next,
                  let from = PlatformVersion(parsing: step.from), let to = PlatformVersion(parsing: step.to) else { continue }
            let next = (timeline.releases(newerThan: from) + timeline.unpublishedReleases(newerThan: from)).map(\.version).min()
            if next != to { problems.append("\(step.id) goes from \(step.from) to \(step.to), past \(next?.description ?? "nothing")") }
            if timeline.release(to) == nil { problems.append("\(step.id) goes to \(step.to), whose Kubernetes versions are unknown") }
        }
        return problems
    }
}
