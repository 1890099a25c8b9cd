/// Planning.md 2, "Kubernetes patch, platform-managed": a patch no longer listed by the newest release
/// goes out of support `minorGracePeriod` after the first release that dropped it.
public enum PlatformPatchSupportRule {
    /// Only the end the verdict would give (the planner asks for it for every version it weighs).
    public static func end(of version: KubernetesVersion, on timeline: PlatformTimeline) -> SupportVerdict.End {
        if let dropping = timeline.firstReleaseDropping(version) {
            return .on(dropping.released.adding(days: timeline.rules.minorGracePeriod.days))
        }
        if timeline.newestKnown != nil, timeline.newestListsVersion(version) { return .noKnownEnd }
        return .unsupported
    }

    public static func evaluate(_ version: KubernetesVersion, on timeline: PlatformTimeline) -> SupportVerdict {
        let platform = timeline.platform
        if let dropping = timeline.firstReleaseDropping(version) {
            let end = dropping.released.adding(days: timeline.rules.minorGracePeriod.days)
            return SupportVerdict(.kubernetesPatch, .on(end),
                                  "patch \(version) was dropped by \(platform) release \(dropping.version) (\(dropping.released)); supported until \(end) after the \(timeline.rules.minorGracePeriod.days)-day grace period")
        }
        if let newest = timeline.newestKnown, timeline.newestListsVersion(version) {
            return SupportVerdict(.kubernetesPatch, .noKnownEnd, "patch \(version) is listed by the newest \(platform) release \(newest.version)")
        }
        return SupportVerdict(.kubernetesPatch, .unsupported, "Kubernetes \(version) is not a version any known \(platform) release offers")
    }
}
