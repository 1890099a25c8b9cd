/// Planning.md 2, "Kubernetes minor, platform-managed": a minor is supported while it is among the
/// `supportedMinors` newest minors of the newest release, and for `minorGracePeriod` after the first
/// release that dropped it; an announced end of support in any release wins.
public enum PlatformMinorSupportRule {
    public static func evaluate(_ minor: KubernetesMinor, on timeline: PlatformTimeline) -> SupportVerdict {
        let platform = timeline.platform
        if let announced = timeline.announcedEnd(of: minor) {
            return SupportVerdict(.kubernetesMinor, .on(announced.date),
                                  "Kubernetes \(minor) support on \(platform) ends on \(announced.date) (announced in release \(announced.release.version))")
        }
        if let dropping = timeline.firstReleaseDropping(minor) {
            let end = dropping.released.adding(days: timeline.rules.minorGracePeriod.days)
            return SupportVerdict(.kubernetesMinor, .on(end),
                                  "Kubernetes \(minor) was dropped by \(platform) release \(dropping.version) (\(dropping.released)); supported until \(end) after the \(timeline.rules.minorGracePeriod.days)-day grace period")
        }
        guard let newest = timeline.newestKnown else {
            return SupportVerdict(.kubernetesMinor, .unsupported, "the \(platform) feed lists no releases")
        }
        if timeline.supportedMinors(of: newest).contains(minor) {
            return SupportVerdict(.kubernetesMinor, .noKnownEnd, "Kubernetes \(minor) is supported by the newest \(platform) release \(newest.version), no announced end")
        }
        return SupportVerdict(.kubernetesMinor, .unsupported, "Kubernetes \(minor) is not among the minors any known \(platform) release supports")
    }
}
