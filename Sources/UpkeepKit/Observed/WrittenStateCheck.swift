/// States a platform cannot have, in the fleet `upkeep inventory` is about to write (planning.md 1, kubelet skew):
/// a pool whose kubelet is newer than its control plane, or more minors older than Kubernetes allows. Such a state
/// means an export is stale or a pool missed an upgrade; the fleet is written as reported, with a warning per pool.
public enum WrittenStateCheck {
    /// One warning line (`file:line:column: warning: …`) per such pool of the fleet document, in fleet order.
    /// `allowedSkew`: the minors a kubelet may be behind (the policy's `kubeletSkew`, 2 by default).
    public static func warnings(in document: YAMLDocument, allowedSkew: Int = UpgradePolicy().kubeletSkew) -> [String] {
        var lines: [String] = []
        for node in document.root.mapping?["clusters"]?.sequence?.items ?? [] {
            guard let cluster = node.mapping, let name = cluster["name"]?.scalar?.text,
                  let controlPlane = cluster["kubernetesVersion"]?.scalar.flatMap({ KubernetesVersion(parsing: $0.text) }) else { continue }
            for poolNode in cluster["nodePools"]?.sequence?.items ?? [] {
                guard let pool = poolNode.mapping, let scalar = pool["kubernetesVersion"]?.scalar,
                      let version = KubernetesVersion(parsing: scalar.text) else { continue }
                let verdict = KubeletSkewRule.evaluate(pool: version, controlPlane: controlPlane, allowedSkew: allowedSkew)
                guard !verdict.isSupported(on: CalendarDate(daysSinceEpoch: 0)) else { continue }
                let poolName = pool["name"]?.scalar?.text ?? "?"
                lines.append("\(document.position(scalar.mark)): warning: cluster \"\(name)\", node pool \"\(poolName)\": \(verdict.reason), a state the platform does not allow; an export may be stale or the pool missed an upgrade: export the cluster again, or upgrade the pool first.")
            }
        }
        return lines
    }
}
