/// What the feeds themselves leave open on a day (planning.md 2, "What the feeds cannot tell"): releases whose
/// Kubernetes versions are not published, stale feeds, advisories whose severity no record gives, and fleet facts
/// published after the day asked.
extension SupportEngine {
    /// Why the feeds cannot tell whether a workload cluster or pool of this management cluster, which they find
    /// supported, still is on `date`: releases have come out since the newest whose Kubernetes versions are
    /// published (they may have dropped its version), or the platform feed is stale. nil for a standalone cluster.
    func supportUnknown(under management: String?, on date: CalendarDate) -> String? {
        guard let name = management, let platform = managementClusters[name]?.platform.name, let timeline = timelines[platform] else { return nil }
        let newestPublished = timeline.newestKnown
        let since = timeline.unpublished.filter { release in
            release.released <= date && (newestPublished.map { $0.released < release.released } ?? true)
        }
        if !since.isEmpty {
            let names = since.map { "\($0.version) (\($0.released))" }.joined(separator: ", ")
            return "\(platform) \(names) came out after \(newestPublished.map { "\($0.version)" } ?? "every release"), the newest release whose Kubernetes versions the feed gives; whether they still offer this version is unknown"
        }
        return FeedStalenessRule.staleness(of: timeline, on: date, staleAfter: policy.feedStaleAfter).map { Self.staleSentence(platform, $0, on: date) }
    }

    static func staleSentence(_ platform: String, _ stale: (newest: PlatformRelease, age: Int), on date: CalendarDate) -> String {
        "the newest \(platform) release in the feed, \(stale.newest.version), is \(stale.age) days old on \(date): releases since may have changed this support"
    }

    /// What the feeds cannot tell on `date`: a platform feed whose newest release is old (newer releases may be
    /// missing), releases known to exist whose Kubernetes versions are not published, and a Kubernetes feed whose
    /// newest patch is old (newer patches, minors and end-of-life dates may be missing).
    func feedFindings(on date: CalendarDate) -> [Finding] {
        var findings = newerFacts
        for timeline in timelines.values {
            if let stale = FeedStalenessRule.staleness(of: timeline, on: date, staleAfter: policy.feedStaleAfter) {
                findings.append(Finding(.warning, code: "feed-stale", subject: "platform/\(timeline.platform)",
                                        message: "the newest \(timeline.platform) release in the feed, \(stale.newest.version), is \(stale.age) days old (more than \(policy.feedStaleAfter.days)); newer releases may be missing, so \"no announced end\" may no longer hold.",
                                        position: timeline.feed.position))
            }
            // The releases that matter: out by the day, newer than every release whose versions are known, on a
            // platform some management cluster of the fleet runs.
            let used = managementClusters.values.contains { $0.platform.name == timeline.platform }
            let newestPublished = timeline.newestKnown?.released
            let unpublished = timeline.unpublished.filter { release in
                used && release.released <= date && (newestPublished.map { $0 < release.released } ?? true)
            }
            if let first = unpublished.first {
                let names = unpublished.map { "\($0.version) (\($0.released))" }.joined(separator: ", ")
                findings.append(Finding(.warning, code: "platform-versions-unknown", subject: "platform/\(timeline.platform)",
                                        message: "\(timeline.platform) releases \(names) exist, but no source in the feed publishes their Kubernetes versions: no plan can move to them, and what they offer or drop is unknown. Add their kubernetesVersions when the platform publishes them.",
                                        position: first.position))
            }
        }
        for advisory in inputs.advisories where advisory.severityIsAssumed {
            findings.append(Finding(.warning, code: "advisory-severity-unknown", subject: "advisory/\(advisory.id)",
                                    message: "no record in the feeds gives \(advisory.id)'s severity or CVSS vector: its deadline counts as a \(advisory.severity.rawValue) advisory's until one does.",
                                    position: advisory.position,
                                    cause: "has no severity or CVSS vector in any record of the feeds: its deadline counts as a \(advisory.severity.rawValue) advisory's until one does."))
        }
        if let newest = upstream.newestPatch, let stale = FeedStalenessRule.staleness(newest: newest.released, on: date, staleAfter: policy.feedStaleAfter) {
            findings.append(Finding(.warning, code: "feed-stale", subject: "kubernetes",
                                    message: "the newest Kubernetes patch in the feeds, \(newest.version), came out on \(newest.released), \(stale) days before \(date) (more than \(policy.feedStaleAfter.days)); patches, minors and end-of-life dates published since are missing, so standalone clusters' support and fixes may be wrong. Run `upkeep feeds pull` or `make feeds` with newer sources.",
                                    position: upstream.newestPatchPosition))
        }
        return findings
    }
}
