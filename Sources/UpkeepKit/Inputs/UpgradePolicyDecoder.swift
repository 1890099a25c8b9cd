/// Decodes an `UpgradePolicy` document; every key that is absent keeps its default.
enum UpgradePolicyDecoder {
    static let knownKeys = [
        "apiVersion", "kind", "horizon", "target", "kubeletSkew", "workerUpgrades", "skipFromUnsupported", "nodeImageMaxAge",
        "advisoryDeadlines", "securityBypassesSoak", "rings", "stoppedClusters", "subscriptionGracePeriod", "feedStaleAfter",
        "durations",
    ]

    static func decode(_ root: Fields, _ context: DecodingContext) -> UpgradePolicy? {
        var policy = UpgradePolicy()
        policy.position = root.position
        if let value = root["horizon"].flatMap({ context.horizon($0, "horizon") }) { policy.horizon = value }
        if let value = root["target"].flatMap({ context.choice($0, "target", as: UpgradeTarget.self) }) { policy.target = value }
        if let value = root["kubeletSkew"].flatMap({ context.integer($0, "kubeletSkew", atLeast: 0, atMost: 3) }) { policy.kubeletSkew = value }
        if let value = root["workerUpgrades"].flatMap({ context.choice($0, "workerUpgrades", as: WorkerUpgrades.self) }) { policy.workerUpgrades = value }
        if let value = root["skipFromUnsupported"].flatMap({ context.boolean($0, "skipFromUnsupported") }) { policy.skipFromUnsupported = value }
        if let value = root["nodeImageMaxAge"].flatMap({ context.timeSpan($0, "nodeImageMaxAge", positive: true) }) { policy.nodeImageMaxAge = value }
        if let node = root["advisoryDeadlines"], let fields = context.fields(node, "advisoryDeadlines", known: Severity.allCases.map(\.rawValue)) {
            for severity in Severity.allCases {
                if let value = fields[severity.rawValue].flatMap({ context.timeSpan($0, severity.rawValue) }) { policy.advisoryDeadlines[severity] = value }
            }
        }
        if let value = root["securityBypassesSoak"].flatMap({ context.boolean($0, "securityBypassesSoak") }) { policy.securityBypassesSoak = value }
        if let node = root["rings"] {
            let rings = context.list(node, "rings") { ring($0, context) }
            context.reportDuplicateNames(rings.map { ($0.name, $0.position ?? root.position) }, kind: "ring")
            if rings.isEmpty {
                context.error(node, "\"rings\" must name at least one ring.")
            } else {
                policy.rings = rings
            }
        }
        if let node = root["stoppedClusters"], let fields = context.fields(node, "stoppedClusters", known: ["outOfSupportAfter", "noUpdatesAfter"]) {
            if let value = fields["outOfSupportAfter"].flatMap({ context.timeSpan($0, "outOfSupportAfter") }) { policy.stoppedClusters.outOfSupportAfter = value }
            if let value = fields["noUpdatesAfter"].flatMap({ context.timeSpan($0, "noUpdatesAfter") }) { policy.stoppedClusters.noUpdatesAfter = value }
        }
        if let value = root["subscriptionGracePeriod"].flatMap({ context.timeSpan($0, "subscriptionGracePeriod") }) { policy.subscriptionGracePeriod = value }
        if let value = root["feedStaleAfter"].flatMap({ context.timeSpan($0, "feedStaleAfter", positive: true) }) { policy.feedStaleAfter = value }
        if let node = root["durations"], let fields = context.fields(node, "durations", known: ["platform", "controlPlane", "perNode"]) {
            if let value = fields["platform"].flatMap({ context.timeSpan($0, "platform", positive: true) }) { policy.durations.platform = value }
            if let value = fields["controlPlane"].flatMap({ context.timeSpan($0, "controlPlane", positive: true) }) { policy.durations.controlPlane = value }
            if let value = fields["perNode"].flatMap({ context.timeSpan($0, "perNode", positive: true) }) { policy.durations.perNode = value }
        }
        return policy
    }

    private static func ring(_ node: YAMLNode, _ context: DecodingContext) -> Ring? {
        guard let fields = context.fields(node, "ring", named: true, known: ["name", "soak", "allowPreview"]) else { return nil }
        let name = fields.required("name").flatMap { context.name($0, "name") }
        let soak = fields["soak"].flatMap { context.timeSpan($0, "soak") } ?? .days(0)
        let preview = fields["allowPreview"].flatMap { context.boolean($0, "allowPreview") } ?? false
        guard let name else { return nil }
        return Ring(name: name, soak: soak, allowPreview: preview, position: fields["name"].map { context.position($0) } ?? fields.position)
    }
}
