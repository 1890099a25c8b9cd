/// Planning.md 2, "Kubernetes, standalone": supported before its minor's upstream end of life (an actual
/// date from eol.yaml wins over a planned one).
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
        return SupportVerdict(.kubernetesEndOfLife, .on(end), "upstream Kubernetes \(minor) reaches end of life on \(end) (\(origin))")
    }
}
