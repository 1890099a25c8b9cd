/// Values as exports write them: Kubernetes versions (`v1.28.5` or `1.28.5`), operating systems (`Linux`,
/// `Windows`), node counts.
enum ObservedValue {
    static func os(_ node: YAMLNode, field: String, source: ObservedExportKind, context: DecodingContext) -> ObservedFact<OperatingSystem>? {
        guard let text = context.text(node, field) else { return nil }
        guard let os = OperatingSystem(rawValue: text.lowercased()) else {
            context.error(node, "\"\(field)\" is \"\(text)\"; Upkeep knows Linux and Windows.")
            return nil
        }
        return ObservedFact(os, source: source, position: context.position(node))
    }

    static func nodes(_ node: YAMLNode, field: String, source: ObservedExportKind, context: DecodingContext) -> ObservedFact<Int>? {
        guard let value = node.scalar.flatMap({ Int($0.text) }), value >= 0 else {
            context.error(node, "\"\(field)\" must be a whole number of nodes.")
            return nil
        }
        return ObservedFact(value, source: source, position: context.position(node))
    }

    static func kubernetes(_ node: YAMLNode, field: String, source: ObservedExportKind, context: DecodingContext) -> ObservedFact<KubernetesVersion>? {
        guard let text = context.text(node, field) else { return nil }
        // `KubernetesVersion(parsing:)` takes the leading `v` exports write.
        guard let version = KubernetesVersion(parsing: text) else {
            context.error(node, "\"\(field)\" is \"\(text)\", which is not a Kubernetes version (like v1.28.5).")
            return nil
        }
        return ObservedFact(version, source: source, position: context.position(node))
    }
}
