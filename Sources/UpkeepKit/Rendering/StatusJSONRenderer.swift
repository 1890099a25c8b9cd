/// `upkeep status --format json`: the shape of outputs.md, keys sorted, lists sorted by name.
public enum StatusJSONRenderer {
    public static func render(_ report: StatusReport) -> String {
        JSONValue.object([
            "asOf": .string(report.asOf.description),
            "managementClusters": .array(report.managementClusters.map { management in
                .object([
                    "name": .string(management.name),
                    "platform": .string(management.platform),
                    "version": .string(management.version),
                    "supported": .bool(management.supported),
                    "supportedUntil": .date(management.support.supportedUntil),
                    "supportUnknownBecause": .string(management.unknownBecause),
                    "reasons": .array(management.support.reasons.map { .string($0) }),
                ])
            }),
            "clusters": .array(report.clusters.map(cluster)),
            "findings": .array(report.findings.map(\.json)),
        ]).rendered()
    }

    private static func cluster(_ cluster: ClusterStatus) -> JSONValue {
        .object([
            "name": .string(cluster.name),
            "managementCluster": .string(cluster.managementCluster),
            "ring": .string(cluster.ring),
            "kubernetesVersion": .string(cluster.kubernetesVersion),
            "supported": .bool(cluster.supported),
            "supportedUntil": .date(cluster.support.supportedUntil),
            "supportUnknownBecause": .string(cluster.unknownBecause),
            "reasons": .array(cluster.support.reasons.map { .string($0) }),
            "advisories": .array(cluster.advisories.map(advisory)),
            "nodePools": .array(cluster.nodePools.map { pool in
                .object([
                    "name": .string(pool.name),
                    "os": .string(pool.os.rawValue),
                    "kubernetesVersion": .string(pool.kubernetesVersion),
                    "imageFamily": .string(pool.imageFamily),
                    "nodeImage": .string(pool.nodeImage),
                    "supported": .bool(pool.supported),
                    "supportedUntil": .date(pool.support.supportedUntil),
                    "supportUnknownBecause": .string(pool.unknownBecause),
                    "reasons": .array(pool.support.reasons.map { .string($0) }),
                    "advisories": .array(pool.advisories.map(advisory)),
                ])
            }),
        ])
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
