/// Planning.md section 1: what is available on a day, and which Kubernetes versions a cluster is offered.
public enum AvailabilityRule {
    /// A platform release, node image or upstream patch is available from its `released` day.
    public static func isAvailable(released: CalendarDate?, on date: CalendarDate) -> Bool {
        guard let released else { return false }
        return released <= date
    }

    /// Versions a platform-managed cluster may move to on `date`: those listed by the release its
    /// management cluster runs (preview versions only in rings that allow preview), minus versions a
    /// known issue marks `avoid` for the cluster's operating systems.
    public static func offeredVersions(release: PlatformRelease, allowPreview: Bool, operatingSystems: Set<OperatingSystem>) -> [KubernetesVersion] {
        let listed = release.kubernetesVersions + (allowPreview ? release.previewKubernetesVersions : [])
        let avoided = Set(release.knownIssues.filter { issue in
            issue.avoid && (issue.affectedOS.map { operatingSystems.contains($0) } ?? true)
        }.flatMap(\.affectedVersions))
        return Array(Set(listed).subtracting(avoided)).sorted()
    }

    /// Versions a standalone cluster may move to on `date`: every upstream patch released by then whose
    /// minor is still supported (its end-of-life day is its last supported day).
    public static func offeredVersions(upstream: UpstreamKubernetes, on date: CalendarDate) -> [KubernetesVersion] {
        upstream.minors.filter { minor in minor.endOfLife.map { date <= $0 } ?? true }
            .flatMap { minor in minor.patches.filter { isAvailable(released: $0.released, on: date) }.map(\.version) }
            .sorted()
    }
}
