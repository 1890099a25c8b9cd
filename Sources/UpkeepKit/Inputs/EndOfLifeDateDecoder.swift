/// Reads an endoflife.date product file's front matter (`releases:` with `releaseCycle`).
///
/// Only the Kubernetes product describes upstream Kubernetes; it is read as KubernetesReleases with
/// planned end-of-life dates (`eol`), `eoas` as the start of maintenance mode, x.y.0 on `releaseDate`
/// and `latest` on `latestReleaseDate`. Other products (Azure Kubernetes Service, the cloud service)
/// do not describe AKS hybrid's support and are recognised but not used, with a warning.
enum EndOfLifeDateDecoder {
    static func isEndOfLifeDate(_ mapping: YAMLMapping) -> Bool {
        guard case .sequence(let releases)? = mapping["releases"], let first = releases.items.first?.mapping else { return false }
        return first["releaseCycle"] != nil
    }

    static func decode(_ root: Fields, _ context: DecodingContext) -> KubernetesReleaseFeed? {
        let permalink = root["permalink"].flatMap { $0.scalar?.text } ?? ""
        guard permalink == "/kubernetes" else {
            let product = root["title"].flatMap { $0.scalar?.text } ?? (permalink.isEmpty ? "unnamed" : permalink)
            context.log.warning(root.position, "endoflife.date product \"\(product)\" is not used: Upkeep reads only the Kubernetes product from endoflife.date.")
            return nil
        }
        var minors: [KubernetesMinorRelease] = []
        for item in root["releases"].flatMap({ context.list($0, "releases") }) ?? [] {
            guard let fields = context.lenientFields(item, "a release entry"),
                  let minor = fields.required("releaseCycle").flatMap({ context.kubernetesMinor($0, "releaseCycle") }) else { continue }
            let released = fields["releaseDate"].flatMap { context.date($0, "releaseDate") }
            var patches = [KubernetesPatchRelease(version: KubernetesVersion(major: minor.major, minor: minor.minor, patch: 0), released: released)]
            if let latest = fields["latest"].flatMap({ context.kubernetesVersion($0, "latest") }), latest.patch > 0 {
                patches.append(KubernetesPatchRelease(version: latest, released: fields["latestReleaseDate"].flatMap { context.date($0, "latestReleaseDate") }))
            }
            minors.append(KubernetesMinorRelease(minor: minor, released: released,
                                                 maintenanceModeFrom: dateOrFlag(fields["eoas"], "eoas", context),
                                                 endOfLife: dateOrFlag(fields["eol"], "eol", context),
                                                 endOfLifeIsActual: false, patches: patches, position: fields.position))
        }
        context.reportDuplicateNames(minors.map { ($0.minor.description, $0.position) }, kind: "release cycle", scope: " in this file")
        return KubernetesReleaseFeed(source: .endOfLifeDate, position: root.position, minors: minors.sorted { $0.minor < $1.minor })
    }

    /// endoflife.date writes a date, or `true`/`false` for "ended, date unknown" / "not decided".
    private static func dateOrFlag(_ node: YAMLNode?, _ field: String, _ context: DecodingContext) -> CalendarDate? {
        guard let node else { return nil }
        if let text = node.scalar?.text, ["true", "false"].contains(text) { return nil }
        return context.date(node, field)
    }
}
