/// Planning.md 2, "Kubernetes, standalone": supported through its minor's upstream end-of-life day (an
/// actual date from eol.yaml wins over a planned one). The Kubernetes project's end-of-life date is the day
/// of the branch's final patch — its last supported day — so support ends the day after.
public enum StandaloneKubernetesSupportRule {
    public static func evaluate(_ version: KubernetesVersion, upstream: UpstreamKubernetes) -> SupportVerdict {
        let minor = version.minorVersion
        guard let entry = upstream.minor(minor) else {
            return SupportVerdict(.kubernetesEndOfLife, .unsupported, "no upstream release data names Kubernetes \(minor)")
        }
        guard let end = entry.endOfLife else {
            return SupportVerdict(.kubernetesEndOfLife, .noKnownEnd, "Kubernetes \(minor) has no upstream end of life yet")
        }
        let origin = entry.endOfLifeIsActual ? "actual date, \(entry.endOfLifeSource)" : entry.endOfLifeSource
        let firstUnsupported = end.adding(days: 1)
        return SupportVerdict(.kubernetesEndOfLife, .on(firstUnsupported),
                              "upstream Kubernetes \(minor) reaches end of life on \(end), its last supported day; out of support from \(firstUnsupported) (\(origin))")
    }
}
