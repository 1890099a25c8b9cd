/// The plan's cluster rows: where each cluster starts (its versions, until when it is supported and
/// why) and where its placed steps leave it.
enum ClusterSummaries {
    /// One cluster's row: where its placed steps (`own`, in plan order) leave it, and its control plane's support
    /// before and after them (`walk`).
    static func summary(of cluster: WorkloadCluster, walk: SupportAfterPlan.Walk, steps: [PlanStep], own: [Int], context: PlanningContext) -> Plan.ClusterSummary {
        let current = cluster.kubernetesVersion.description
        let finalVersion = own.last { steps[$0].kind == .kubernetesUpgrade }.map { steps[$0].to } ?? current
        let lockstep = context.policy.workerUpgrades == .lockstep
        let pools = cluster.nodePools.map { pool -> (name: String, current: String, target: String, image: String, targetImage: String) in
            let current = pool.kubernetesVersion.description
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
        return Plan.ClusterSummary(name: cluster.name, current: current, target: finalVersion,
                                   supportedUntil: walk.start.supportedUntil, supportReasons: walk.start.reasons, nodePools: pools,
                                   supportedUntilAfterPlan: walk.end.supportedUntil, supportReasonsAfterPlan: walk.end.reasons)
    }
}
