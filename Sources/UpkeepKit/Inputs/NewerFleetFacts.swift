/// Fleet facts that did not exist yet on the day asked (planning.md 2, "Facts as of the day"): a management
/// cluster on a release, a cluster or pool on a Kubernetes version, a pool on an image, each published after it,
/// and a management cluster last updated after it. Such a fleet was written later than the day replayed: each fact
/// is a warning, and a verdict that fails only on such a fact is unknown, not out of support.
public struct NewerFleetFact: Sendable {
    public var subject: String
    public var message: String
    public var position: SourcePosition
    /// The support rules whose failure the fact explains (a release the day's feed does not have fails the release
    /// rule; a version, the minor and patch rules; an image, its age). Empty: it explains none (a late lastUpdated).
    public var explains: Set<SupportRuleCode>

    public var finding: Finding {
        Finding(.warning, code: "fact-newer-than-as-of", subject: subject, message: message, position: position)
    }

    /// Every such fact of the inputs, in fleet order.
    public static func find(in inputs: InputSet, after date: CalendarDate) -> [NewerFleetFact] {
        var releases: [String: [PlatformVersion: CalendarDate]] = [:]
        var offeredFirst: [String: [KubernetesVersion: CalendarDate]] = [:]
        for feed in inputs.platformFeeds {
            for release in feed.releases.sorted(by: { $0.released < $1.released }) {
                if release.released > date { releases[feed.platform, default: [:]][release.version] = release.released }
                for version in release.kubernetesVersions where offeredFirst[feed.platform]?[version] == nil {
                    offeredFirst[feed.platform, default: [:]][version] = release.released
                }
            }
        }
        var patches: [KubernetesVersion: CalendarDate] = [:]
        for minor in inputs.kubernetesFeeds.flatMap(\.minors) {
            for patch in minor.patches { if let released = patch.released, released > date { patches[patch.version] = released } }
        }
        var images: [String: CalendarDate] = [:]
        for image in inputs.nodeImageCatalogs.flatMap(\.images) where image.released > date { images[image.version.text] = image.released }
        var platformOf: [String: String] = [:]
        for management in inputs.managementClusters where platformOf[management.name] == nil { platformOf[management.name] = management.platform.name }
        /// The day a version a cluster or pool runs came out, when after `date`: upstream for a standalone cluster,
        /// the first release that offers it under a platform.
        func versionDay(_ version: KubernetesVersion, of cluster: WorkloadCluster) -> CalendarDate? {
            guard let platform = cluster.managementCluster.flatMap({ platformOf[$0.name] }) else { return patches[version] }
            return offeredFirst[platform]?[version].flatMap { $0 > date ? $0 : nil }
        }

        var facts: [NewerFleetFact] = []
        func add(_ subject: String, _ what: String, _ day: CalendarDate, _ position: SourcePosition, explains: Set<SupportRuleCode>,
                 consequence: String = "its support is unknown on that day") {
            facts.append(NewerFleetFact(subject: subject, message: "\(what) \(day), after \(date), the day asked: the fleet describes a later day, and \(consequence).",
                                        position: position, explains: explains))
        }
        let versionRules: Set<SupportRuleCode> = [.kubernetesMinor, .kubernetesPatch, .kubernetesEndOfLife]
        for management in inputs.managementClusters {
            let subject = "management-cluster/\(management.name)"
            if let day = releases[management.platform.name]?[management.version] {
                add(subject, "\(management.platform.name) release \(management.version), which management cluster \(management.name) runs, came out on", day,
                    management.versionPosition, explains: [.platformRelease])
            }
            if let updated = management.lastUpdated, updated > date {
                add(subject, "management cluster \(management.name) was last updated (lastUpdated) on", updated, management.position, explains: [],
                    consequence: "its certificates are judged from that day as given")
            }
        }
        for cluster in inputs.clusters {
            if let day = versionDay(cluster.kubernetesVersion, of: cluster) {
                add("cluster/\(cluster.name)", "Kubernetes \(cluster.kubernetesVersion), which cluster \(cluster.name) runs, came out on", day,
                    cluster.versionPosition ?? cluster.position, explains: versionRules)
            }
            for pool in cluster.nodePools {
                let subject = "cluster/\(cluster.name)/pool/\(pool.name)"
                if pool.kubernetesVersion != cluster.kubernetesVersion, let day = versionDay(pool.kubernetesVersion, of: cluster) {
                    add(subject, "Kubernetes \(pool.kubernetesVersion), which node pool \(pool.name) of cluster \(cluster.name) runs, came out on", day,
                        pool.position, explains: versionRules)
                }
                if let day = images[pool.nodeImage.text] {
                    add(subject, "node image \(pool.nodeImage.text), which node pool \(pool.name) of cluster \(cluster.name) runs, came out on", day,
                        pool.imagePosition ?? pool.position, explains: [.nodeImageAge])
                }
            }
        }
        return facts
    }

    /// By subject: the rules the facts explain, and why (SupportEngine makes a verdict failing only on them unknown).
    static func explanations(_ facts: [NewerFleetFact], clusters: [WorkloadCluster]) -> [String: (explains: Set<SupportRuleCode>, because: String)] {
        var bySubject: [String: (explains: Set<SupportRuleCode>, because: String)] = [:]
        for fact in facts where !fact.explains.isEmpty {
            var entry = bySubject[fact.subject] ?? ([], "")
            entry.explains.formUnion(fact.explains)
            entry.because += (entry.because.isEmpty ? "" : "; ") + fact.message
            bySubject[fact.subject] = entry
        }
        // A pool on its control plane's version fails the version rules with it: the cluster's fact explains both.
        for cluster in clusters {
            guard let versions = bySubject["cluster/\(cluster.name)"] else { continue }
            for pool in cluster.nodePools where pool.kubernetesVersion == cluster.kubernetesVersion {
                var entry = bySubject["cluster/\(cluster.name)/pool/\(pool.name)"] ?? ([], "")
                entry.explains.formUnion(versions.explains)
                entry.because += (entry.because.isEmpty ? "" : "; ") + versions.because
                bySubject["cluster/\(cluster.name)/pool/\(pool.name)"] = entry
            }
        }
        return bySubject
    }
}
