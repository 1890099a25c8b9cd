/// `upkeep status --format json`: the shape of outputs.md, keys sorted, lists sorted by name.
public enum StatusJSONRenderer {
    public static func render(_ report: StatusReport) -> String {
        var members: [String: JSONValue] = [
            "asOf": .string(report.asOf.description),
            "managementClusters": .array(report.managementClusters.map { management in
                .object([
                    "name": .string(management.name),
                    "platform": .string(management.platform),
                    "version": .string(management.version),
                    "supported": supported(management.answer),
                    "supportedUntil": .date(management.answer.until),
                    "supportUnknownBecause": .string(management.answer.unknownBecause),
                    "reasons": .array(management.support.reasons.map { .string($0) }),
                ])
            }),
            "clusters": .array(report.clusters.map(cluster)),
            "findings": .array(report.findings.map(\.json)),
        ]
        if let view = report.view { members["view"] = view.json }
        return JSONValue.object(members).rendered()
    }

    private static func cluster(_ cluster: ClusterStatus) -> JSONValue {
        .object([
            "name": .string(cluster.name),
            "managementCluster": .string(cluster.managementCluster),
            "ring": .string(cluster.ring),
            "kubernetesVersion": .string(cluster.kubernetesVersion),
            "supported": supported(cluster.answer),
            "supportedUntil": .date(cluster.answer.until),
            "supportUnknownBecause": .string(cluster.answer.unknownBecause),
            "supportThrough": through(cluster.answer),
            "reasons": .array(cluster.answer.reasons(cluster.support).map { .string($0) }),
            "advisories": .array(cluster.advisories.map(advisory)),
            "nodePools": .array(cluster.nodePools.map { pool in
                .object([
                    "name": .string(pool.name),
                    "os": .string(pool.os.rawValue),
                    "kubernetesVersion": .string(pool.kubernetesVersion),
                    "imageFamily": .string(pool.imageFamily),
                    "nodeImage": .string(pool.nodeImage),
                    "supported": supported(pool.answer),
                    "supportedUntil": .date(pool.answer.until),
                    "supportUnknownBecause": .string(pool.answer.unknownBecause),
                    "supportThrough": through(pool.answer),
                    "reasons": .array(pool.answer.reasons(pool.support).map { .string($0) }),
                    "advisories": .array(pool.advisories.map(advisory)),
                ])
            }),
        ])
    }

    /// `true`, `false` or `"unknown"` (outputs.md).
    static func supported(_ answer: SupportAnswer) -> JSONValue {
        switch answer.state {
        case .supported: return .bool(true)
        case .outOfSupport: return .bool(false)
        case .unknown: return .string("unknown")
        }
    }

    /// The management cluster a subject is out of support through, and why; null when it is not.
    static func through(_ answer: SupportAnswer) -> JSONValue {
        guard let name = answer.through, let reason = answer.inherited else { return .null }
        return .object(["managementCluster": .string(name), "reason": .string(reason)])
    }

    private static func advisory(_ advisory: AdvisoryStatus) -> JSONValue {
        .object([
            "id": .string(advisory.id),
            "severity": .string(advisory.severity.rawValue),
            "due": .date(advisory.due),
            "unfixed": .bool(advisory.unfixed),
        ])
    }
}
