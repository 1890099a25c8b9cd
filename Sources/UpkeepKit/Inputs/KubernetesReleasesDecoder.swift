/// Decodes our `KubernetesReleases` document.
enum KubernetesReleasesDecoder {
    static func decode(_ root: Fields, _ context: DecodingContext) -> KubernetesReleaseFeed? {
        let minors = root.required("minors").map { context.list($0, "minors") { minor($0, context) } } ?? []
        context.reportDuplicateNames(minors.map { ($0.minor.description, $0.position) }, kind: "minor", scope: " in this feed")
        return KubernetesReleaseFeed(source: .upkeep, position: root.position, minors: minors.sorted { $0.minor < $1.minor })
    }

    private static func minor(_ node: YAMLNode, _ context: DecodingContext) -> KubernetesMinorRelease? {
        guard let fields = context.fields(node, "a Kubernetes minor", known: ["minor", "released", "maintenanceModeFrom", "endOfLife", "patches"]) else { return nil }
        let minor = fields.required("minor").flatMap { context.kubernetesMinor($0, "minor") }
        let released = fields["released"].flatMap { context.date($0, "released") }
        let maintenance = fields["maintenanceModeFrom"].flatMap { context.date($0, "maintenanceModeFrom") }
        let endOfLife = fields["endOfLife"].flatMap { context.date($0, "endOfLife") }
        var patches: [KubernetesPatchRelease] = []
        for item in fields["patches"].flatMap({ context.list($0, "patches") }) ?? [] {
            guard let patchFields = context.fields(item, "a patch", known: ["version", "released"]) else { continue }
            let version = patchFields.required("version").flatMap { context.kubernetesVersion($0, "version") }
            let patchReleased = patchFields["released"].flatMap { context.date($0, "released") }
            guard let version else { continue }
            if let minor, version.minorVersion != minor {
                context.log.error(patchFields.position, "patch \(version) is listed under minor \(minor).")
                continue
            }
            patches.append(KubernetesPatchRelease(version: version, released: patchReleased))
        }
        if let released, let endOfLife, endOfLife <= released {
            context.log.error(fields.position, "minor \(minor?.description ?? "?") reaches its end of life (\(endOfLife)) before it is released (\(released)).")
        }
        guard let minor else { return nil }
        return KubernetesMinorRelease(minor: minor, released: released, maintenanceModeFrom: maintenance, endOfLife: endOfLife,
                                      endOfLifeIsActual: false, patches: patches.sorted { $0.version < $1.version },
                                      position: fields.position)
    }
}
