/// Planning.md 4: the edges between steps — a subject's steps in sequence, platform first (bridges before
/// the update, steps that need the new release after it), and `dependsOn`. Ring soak is applied while
/// scheduling, since it depends on the versions the steps settle on.
struct StepGraph: Sendable {
    /// Every cluster's path steps (in cluster order), then every management cluster's platform updates (in
    /// name order), each with the positions of the steps it waits for: from here on, what they must achieve
    /// does not change.
    let steps: [StepRequirement]
    /// The platform decisions, blocked where a cluster has no path into the target release.
    let decisions: [String: PlatformDecision]

    /// `renewFirst`: the management clusters whose certificates are renewed before all else (`CertificateRenewal`).
    static func make(paths: [ClusterPathBuilder.Result], decisions: [String: PlatformDecision], context: PlanningContext,
                     renewFirst: [String: CertificateRenewal.Lapse] = [:]) -> StepGraph {
        var decisions = decisions
        for (cluster, path) in zip(context.clusters, paths) where path.bridgeImpossible {
            if let name = cluster.managementCluster?.name { decisions[name]?.blockedReason = "cluster \(cluster.name) has no path into the target release" }
        }
        var drafts: [StepDraft] = []
        var clusterSteps: [String: [Int]] = [:]
        for (cluster, path) in zip(context.clusters, paths) {
            for draft in path.drafts {
                clusterSteps[cluster.name, default: []].append(drafts.count)
                drafts.append(draft)
            }
        }
        var platformSteps: [String: [Int]] = [:]
        for name in decisions.keys.sorted(by: { UTF8Order.precedes($0, $1) }) {
            guard let decision = decisions[name] else { continue }
            for draft in PlatformPlanner.drafts(for: decision, context: context) {
                platformSteps[name, default: []].append(drafts.count)
                drafts.append(draft)
            }
        }
        link(&drafts, context: context, decisions: decisions, clusterSteps: clusterSteps, platformSteps: platformSteps)
        // Certificates first: a lapsed renewal goes before every other step of its management cluster and clusters.
        for management in PlanAssembly.uniqueByName(context.engine.inputs.managementClusters) {
            guard let lapse = renewFirst[management.name],
                  let renewal = CertificateRenewal.urgentDraft(for: management, lapse: lapse, context: context) else { continue }
            let index = drafts.count
            drafts.append(renewal)
            if let first = platformSteps[management.name]?.first { drafts[first].predecessors.append(index) }
            for position in context.clustersByManagement[management.name] ?? [] {
                if let first = clusterSteps[context.clusters[position].name]?.first { drafts[first].predecessors.append(index) }
            }
        }
        // Moved out of the drafts one by one, not copied.
        var steps: [StepRequirement] = []
        steps.reserveCapacity(drafts.count)
        while let last = drafts.popLast() { steps.append(StepRequirement(last)) }
        return StepGraph(steps: steps.reversed(), decisions: decisions)
    }

    /// Links the drafts (`clusterSteps` and `platformSteps`: each subject's drafts, by position, in sequence).
    static func link(_ drafts: inout [StepDraft], context: PlanningContext, decisions: [String: PlatformDecision],
                     clusterSteps: [String: [Int]], platformSteps: [String: [Int]]) {
        // A subject's steps in sequence.
        for indices in Array(clusterSteps.values) + Array(platformSteps.values) {
            for (previous, next) in zip(indices, indices.dropFirst()) { drafts[next].predecessors.append(previous) }
        }
        // Platform first; lagging clusters' bridges before the update.
        for name in platformSteps.keys.sorted(by: { UTF8Order.precedes($0, $1) }) {
            guard decisions[name] != nil, let indices = platformSteps[name], let first = indices.first else { continue }
            for position in context.clustersByManagement[name] ?? [] {
                let cluster = context.clusters[position]
                for index in clusterSteps[cluster.name] ?? [] {
                    if drafts[index].bridge {
                        drafts[first].predecessors.append(index)
                    } else if drafts[index].needsPlatformUpdate, let minor = drafts[index].targetMinor {
                        let needed = drafts[index].releaseNeeded
                        let bringing = indices.first { position in
                            drafts[position].targetRelease.map { release in
                                if let needed { return release.version == needed }
                                return context.offered(release, to: cluster).contains { version in
                                    version.minorVersion == minor && (drafts[index].minimumVersion.map { !(version < $0) } ?? true)
                                }
                            } ?? false
                        }
                        drafts[index].predecessors.append(bringing ?? indices[indices.count - 1])
                    }
                }
            }
        }
        // dependsOn: a Kubernetes step to minor m waits for the first step of each listed cluster that
        // reaches m or newer; when that cluster never gets there, the step is blocked.
        for cluster in context.clusters where !cluster.dependsOn.isEmpty {
            for index in clusterSteps[cluster.name] ?? [] {
                guard let minor = drafts[index].targetMinor, drafts[index].kind != .nodeImageUpdate else { continue }
                for dependency in cluster.dependsOn {
                    guard let position = context.clusterIndex[dependency.name] else { continue }
                    if context.clusters[position].kubernetesVersion.minorVersion >= minor { continue }
                    let first = (clusterSteps[dependency.name] ?? []).first { drafts[$0].movesControlPlane && (drafts[$0].targetMinor.map { $0 >= minor } ?? false) }
                    if let first {
                        drafts[index].predecessors.append(first)
                    } else if drafts[index].blockedReason == nil {
                        drafts[index].blockedReason = "it waits for cluster \(dependency.name) (dependsOn), which is planned never to reach \(minor)"
                    }
                }
            }
        }
    }
}
