/// Reads the Kubernetes project's published `schedule.yaml` and `eol.yaml` as they are (inputs.md,
/// "Foreign formats"): keys we do not use are ignored without warnings.
enum KubernetesProjectFeedDecoder {
    /// `schedules:` — minors with their release date, maintenance mode, planned end of life and the
    /// patches already released (`previousPatches`; `next` is a plan and is not read as released).
    static func decodeSchedule(_ root: Fields, _ context: DecodingContext) -> KubernetesReleaseFeed? {
        var minors: [KubernetesMinorRelease] = []
        for item in root["schedules"].flatMap({ context.list($0, "schedules") }) ?? [] {
            guard let fields = context.lenientFields(item, "a schedule entry"),
                  let minor = fields.required("release").flatMap({ context.kubernetesMinor($0, "release") }) else { continue }
            let released = fields["releaseDate"].flatMap { context.date($0, "releaseDate") }
            var patches: [KubernetesPatchRelease] = []
            for patchNode in fields["previousPatches"].flatMap({ context.list($0, "previousPatches") }) ?? [] {
                guard let patch = context.lenientFields(patchNode, "a previous patch"),
                      let version = patch.required("release").flatMap({ context.kubernetesVersion($0, "release") }) else { continue }
                let date = patch["targetDate"].flatMap { context.date($0, "targetDate") }
                patches.append(KubernetesPatchRelease(version: version, released: date ?? (version.patch == 0 ? released : nil)))
            }
            if !patches.contains(where: { $0.version == KubernetesVersion(major: minor.major, minor: minor.minor, patch: 0) }) {
                patches.append(KubernetesPatchRelease(version: KubernetesVersion(major: minor.major, minor: minor.minor, patch: 0), released: released))
            }
            minors.append(KubernetesMinorRelease(
                minor: minor, released: released,
                maintenanceModeFrom: fields["maintenanceModeStartDate"].flatMap { context.date($0, "maintenanceModeStartDate") },
                endOfLife: fields["endOfLifeDate"].flatMap { context.date($0, "endOfLifeDate") },
                endOfLifeIsActual: false, patches: patches.sorted { $0.version < $1.version }, position: fields.position))
        }
        context.reportDuplicateNames(minors.map { ($0.minor.description, $0.position) }, kind: "minor", scope: " in this schedule")
        return KubernetesReleaseFeed(source: .kubernetesSchedule, position: root.position, minors: minors.sorted { $0.minor < $1.minor })
    }

    /// `branches:` — actual end-of-life dates, which win over planned ones; no patches.
    static func decodeEndOfLife(_ root: Fields, _ context: DecodingContext) -> KubernetesReleaseFeed? {
        var minors: [KubernetesMinorRelease] = []
        for item in root["branches"].flatMap({ context.list($0, "branches") }) ?? [] {
            guard let fields = context.lenientFields(item, "a branch entry"),
                  let minor = fields.required("release").flatMap({ context.kubernetesMinor($0, "release") }) else { continue }
            let endOfLife = fields.required("endOfLifeDate").flatMap { context.date($0, "endOfLifeDate") }
            minors.append(KubernetesMinorRelease(minor: minor, released: nil, maintenanceModeFrom: nil, endOfLife: endOfLife,
                                                 endOfLifeIsActual: true, patches: [], position: fields.position))
        }
        context.reportDuplicateNames(minors.map { ($0.minor.description, $0.position) }, kind: "branch", scope: " in this list")
        return KubernetesReleaseFeed(source: .kubernetesEndOfLife, position: root.position, minors: minors.sorted { $0.minor < $1.minor })
    }
}
