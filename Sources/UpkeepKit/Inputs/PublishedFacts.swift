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
}
