/// `upkeep plan --format json`: the canonical plan file of outputs.md (keys sorted, two-space indent,
/// steps in plan order). The YAML output renders the same value.
public enum PlanJSONRenderer {
    public static func value(_ plan: Plan) -> JSONValue {
        .object([
            "schemaVersion": .int(1),
            "asOf": .string(plan.asOf.description),
            "horizonEnd": .string(plan.horizonEnd.description),
            "inputs": .array(plan.inputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
            "summary": .object([
                "clusters": .int(plan.clusters.count),
                "steps": .int(plan.steps.count),
                "late": .int(plan.lateCount),
                "blocked": .int(plan.blockedCount),
                "unschedulable": .int(plan.unschedulableCount),
                "errors": .int(plan.errorCount),
                "warnings": .int(plan.warningCount),
            ]),
            "steps": .array(plan.steps.map(step)),
            "findings": .array(plan.findings.map(\.json)),
            "clusters": .array(plan.clusters.map(cluster)),
        ])
    }

    public static func render(_ plan: Plan) -> String {
        value(plan).rendered()
    }

    static func step(_ step: PlanStep) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(step.id),
            "order": .int(step.order),
            "kind": .string(step.kind.rawValue),
            "from": .string(step.from),
            "to": .string(step.to),
            "window": step.occurrence.map { .object(["name": .string($0.window), "start": .string($0.start.description), "end": .string($0.end.description)]) } ?? .null,
            "start": .string(step.start?.description),
            "end": .string(step.end?.description),
            "estimatedMinutes": .int(step.estimatedMinutes),
            "due": .date(step.due),
            "dueReason": .string(step.dueReason),
            "status": .string(step.status.rawValue),
            "after": .array(step.after.map { .string($0) }),
            "reasons": .array(step.reasons.map { .string($0) }),
            "fixes": .array(step.fixes.map { .string($0) }),
            "knownIssues": .array(step.knownIssues.map { .string($0) }),
        ]
        if let cluster = step.cluster { members["cluster"] = .string(cluster) }
        if let management = step.managementCluster { members["managementCluster"] = .string(management) }
        if let pool = step.nodePool { members["nodePool"] = .string(pool) }
        if step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade {
            members["nodeImages"] = .array(step.nodeImages.map { .object(["nodePool": .string($0.nodePool), "from": .string($0.from), "to": .string($0.to)]) })
        }
        return .object(members)
    }

    static func cluster(_ cluster: Plan.ClusterSummary) -> JSONValue {
        .object([
            "name": .string(cluster.name),
            "kubernetes": .object(["current": .string(cluster.current), "target": .string(cluster.target), "supportedUntil": .date(cluster.supportedUntil)]),
            "nodePools": .array(cluster.nodePools.map { pool in
                .object([
                    "name": .string(pool.name),
                    "kubernetes": .object(["current": .string(pool.current), "target": .string(pool.target)]),
                    "nodeImage": .object(["current": .string(pool.image), "target": .string(pool.targetImage)]),
                ])
            }),
        ])
    }
}
