/// Reads endoflife.date's release-data file for Kubernetes (`releases/kubernetes.json` of
/// endoflife-date/release-data): every release tag with the day it was tagged, `{"versions": {"1.31.6":
/// {"name": "1.31.6", "date": "2025-02-12"}, …}}`.
///
/// The file does not name its product, so only a file named `kubernetes.json` is read as Kubernetes; another
/// product's file is recognised and not used, with a warning. Each tag is a released patch on its date (the
/// real release, where the Kubernetes schedule gives the target); x.0's date is the minor's release date.
enum ReleaseDataDecoder {
    static func isReleaseData(_ mapping: YAMLMapping) -> Bool {
        guard case .mapping(let versions)? = mapping["versions"], let first = versions.entries.first?.value.mapping else { return false }
        return first["date"] != nil && first["name"] != nil
    }

    static func decode(_ root: Fields, _ context: DecodingContext) -> KubernetesReleaseFeed? {
        let path = root.position.path
        guard path.hasSuffix("kubernetes.json") else {
            context.log.warning(root.position, "this endoflife.date release-data file is not used: Upkeep reads release-data only for Kubernetes, from a file named kubernetes.json.")
            return nil
        }
        var patchesByMinor: [KubernetesMinor: [KubernetesPatchRelease]] = [:]
        var positions: [KubernetesMinor: SourcePosition] = [:]
        guard case .mapping(let versions)? = root["versions"] else { return nil }
        for entry in versions.entries {
            guard let fields = context.lenientFields(entry.value, "a release-data version"),
                  let version = context.kubernetesVersion(.scalar(entry.key), "versions"),
                  let date = fields.required("date").flatMap({ context.date($0, "date") }) else { continue }
            patchesByMinor[version.minorVersion, default: []].append(KubernetesPatchRelease(version: version, released: date))
            if positions[version.minorVersion] == nil { positions[version.minorVersion] = fields.position }
        }
        let minors = patchesByMinor.keys.sorted().map { minor -> KubernetesMinorRelease in
            let patches = (patchesByMinor[minor] ?? []).sorted { $0.version < $1.version }
            let first = patches.first { $0.version.patch == 0 }?.released
            return KubernetesMinorRelease(minor: minor, released: first, maintenanceModeFrom: nil, endOfLife: nil,
                                          endOfLifeIsActual: false, patches: patches, position: positions[minor] ?? root.position)
        }
        return KubernetesReleaseFeed(source: .releaseData, position: root.position, minors: minors)
    }
}
