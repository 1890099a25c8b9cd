/// The plan's cluster rows: where each cluster starts (its versions, until when it is supported and
/// why) and where its placed steps leave it.
enum ClusterSummaries {
    /// What a cluster's row says before any step: its versions as written and until when it is
    /// supported (worked out while the plan is scheduled).
    struct Start {
        var current: String
        var supportedUntil: CalendarDate?
        var supportReasons: [String]
        var poolVersions: [String]

        init(_ engine: SupportEngine, _ cluster: WorkloadCluster) {
            current = cluster.kubernetesVersion.description
            let support = engine.clusterSupport(cluster)
            supportedUntil = support.supportedUntil
            supportReasons = support.reasons
            poolVersions = cluster.nodePools.map(\.kubernetesVersion.description)
        }
    }

    /// One cluster's row: where its placed steps (`own`, in plan order) leave it.
    static func summary(of cluster: WorkloadCluster, start: Start, steps: [PlanStep], own: [Int], context: PlanningContext) -> Plan.ClusterSummary {
        let finalVersion = own.last { steps[$0].kind == .kubernetesUpgrade }.map { steps[$0].to } ?? start.current
        let lockstep = context.policy.workerUpgrades == .lockstep
        let pools = cluster.nodePools.enumerated().map { position, pool -> (name: String, current: String, target: String, image: String, targetImage: String) in
            let current = position < start.poolVersions.count ? start.poolVersions[position] : pool.kubernetesVersion.description
            var version = current
            var image = pool.nodeImage.text
            for index in own {
                let step = steps[index]
                if step.kind == .nodeImageUpdate {
                    if step.nodePool == pool.name { image = step.to }
                    continue
                }
                if step.nodePool == pool.name || (step.kind == .kubernetesUpgrade && lockstep) { version = step.to }
                if let change = step.nodeImages.last(where: { $0.nodePool == pool.name }) { image = change.to }
            }
            return (pool.name, current, version, pool.nodeImage.text, image)
        }
        return Plan.ClusterSummary(name: cluster.name, current: start.current, target: finalVersion,
                                   supportedUntil: start.supportedUntil, supportReasons: start.supportReasons, nodePools: pools)
    }
}
