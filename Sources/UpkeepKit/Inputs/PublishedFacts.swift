/// Facts as of the day asked (planning.md 2, "Facts as of the day"): a feed entry exists on `--as-of` only when
/// its publication day is on or before it (a platform release's or node image's `announced` day, else its `released` day). Replaying a past day sees what an operator could have seen then, not
/// the releases, patches, images and advisories that came after.
extension InputSet {
    /// The inputs as published by `date`: platform releases, Kubernetes minors and patches, node images and
    /// advisories published after it are left out (an entry with no publication day stays). The fleet, policy and
    /// schedules are kept as given.
    public func published(by date: CalendarDate) -> InputSet {
        guard hasFacts(after: date) else { return self }
        var copy = self
        for index in copy.platformFeeds.indices {
            copy.platformFeeds[index].releases.removeAll { $0.published > date }
        }
        for index in copy.kubernetesFeeds.indices {
            copy.kubernetesFeeds[index].minors.removeAll { minor in minor.released.map { $0 > date } ?? false }
            for minor in copy.kubernetesFeeds[index].minors.indices {
                copy.kubernetesFeeds[index].minors[minor].patches.removeAll { patch in patch.released.map { $0 > date } ?? false }
            }
        }
        for index in copy.nodeImageCatalogs.indices {
            copy.nodeImageCatalogs[index].images.removeAll { $0.published > date }
        }
        copy.advisories.removeAll { advisory in advisory.published.map { $0 > date } ?? false }
        return copy
    }

    /// Whether any feed entry was published after `date` (nothing to leave out otherwise).
    func hasFacts(after date: CalendarDate) -> Bool {
        platformFeeds.contains { $0.releases.contains { $0.published > date } }
            || kubernetesFeeds.contains { feed in
                feed.minors.contains { minor in
                    minor.released.map { $0 > date } ?? false || minor.patches.contains { $0.released.map { $0 > date } ?? false }
                }
            }
            || nodeImageCatalogs.contains { $0.images.contains { $0.published > date } }
            || advisories.contains { $0.published.map { $0 > date } ?? false }
    }

    /// One warning per fleet fact that did not exist yet on `date`: a management cluster on a release, a cluster
    /// or pool on a Kubernetes version, a pool on an image, each published after it. Such a fleet was written
    /// later than the day asked; the status and plan treat those facts as unknown releases, versions and images.
    public func factsNewerThan(_ date: CalendarDate) -> [Finding] {
        var releases: [String: [PlatformVersion: CalendarDate]] = [:]
        for feed in platformFeeds {
            for release in feed.releases where release.released > date { releases[feed.platform, default: [:]][release.version] = release.released }
        }
        var patches: [KubernetesVersion: CalendarDate] = [:]
        for feed in kubernetesFeeds {
            for minor in feed.minors {
                for patch in minor.patches { if let released = patch.released, released > date { patches[patch.version] = released } }
            }
        }
        var images: [String: CalendarDate] = [:]
        for catalog in nodeImageCatalogs {
            for image in catalog.images where image.released > date { images[image.version.text] = image.released }
        }
        var findings: [Finding] = []
        func newer(_ subject: String, _ what: String, _ day: CalendarDate, _ position: SourcePosition) {
            findings.append(Finding(.warning, code: "fact-newer-than-as-of", subject: subject,
                                    message: "\(what) was published on \(day), after \(date), the day asked: the fleet describes a later day, and this replay treats it as unknown.",
                                    position: position))
        }
        for management in managementClusters {
            if let day = releases[management.platform.name]?[management.version] {
                newer("management-cluster/\(management.name)", "\(management.platform.name) release \(management.version), which management cluster \(management.name) runs,", day, management.position)
            }
        }
        for cluster in clusters {
            if let day = patches[cluster.kubernetesVersion] {
                newer("cluster/\(cluster.name)", "Kubernetes \(cluster.kubernetesVersion), which cluster \(cluster.name) runs,", day, cluster.position)
            }
            for pool in cluster.nodePools {
                if let day = images[pool.nodeImage.text] {
                    newer("cluster/\(cluster.name)/pool/\(pool.name)", "node image \(pool.nodeImage.text), which node pool \(pool.name) of cluster \(cluster.name) runs,", day, pool.position)
                }
            }
        }
        return findings
    }
}
