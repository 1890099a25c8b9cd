/// Checks the inputs against each other once every file is read: names given twice, references to
/// names that do not exist (with the closest names suggested), dependsOn cycles.
public enum InputValidator {
    public static func check(_ inputs: InputSet, log: DiagnosticLog) {
        let clusters = inputs.clusters
        checkUniqueness(inputs, clusters: clusters, log: log)
        var windows = ReferenceCheck(kind: "window", names: inputs.windows.map(\.name), definedBy: "MaintenanceSchedule", log: log)
        var rings = ReferenceCheck(kind: "ring", names: inputs.policy.rings.map(\.name), definedBy: nil, log: log)
        checkManagementClusters(inputs, windows: &windows, log: log)
        checkClusters(inputs, clusters: clusters, windows: &windows, rings: &rings, log: log)
        for freeze in inputs.freezes {
            for ring in freeze.rings ?? [] { rings.check(ring, from: "freeze \"\(freeze.name)\"") }
        }
        for cycle in DependencyCycles.find(in: clusters) {
            log.error(cycle.position, "the clusters' dependsOn form a cycle: \(cycle.names.joined(separator: " → ")).")
        }
        checkFixes(inputs, log: log)
        FleetFactChecks.check(inputs, log: log)
    }

    /// Every id a release's `fixes` names should be an advisory of the inputs (by id or alias): otherwise no step
    /// can say it fixes it, and a reader cannot tell a typo from an advisory Upkeep does not track.
    private static func checkFixes(_ inputs: InputSet, log: DiagnosticLog) {
        let known = Set(inputs.advisories.flatMap { [$0.id] + $0.aliases })
        for feed in inputs.platformFeeds {
            for release in feed.releases {
                for id in release.fixes where !known.contains(id) {
                    log.warning(release.position, "\(feed.platform) release \(release.version) lists \(id) in fixes, which no advisory among the inputs describes; add its advisory, or remove it and say why beside the list.")
                }
            }
        }
    }

    private static func reportDuplicates(_ names: [(String, SourcePosition)], kind: String, log: DiagnosticLog) {
        DuplicateNames.report(names.map { (name: $0.0, position: $0.1) }, kind: kind, scope: "", log: log)
    }

    private static func checkUniqueness(_ inputs: InputSet, clusters: [WorkloadCluster], log: DiagnosticLog) {
        reportDuplicates(inputs.managementClusters.map { ($0.name, $0.position) }, kind: "management cluster", log: log)
        reportDuplicates(clusters.map { ($0.name, $0.position) }, kind: "cluster", log: log)
        reportDuplicates(inputs.windows.map { ($0.name, $0.position) }, kind: "window", log: log)
        reportDuplicates(inputs.freezes.map { ($0.name, $0.position) }, kind: "freeze", log: log)
        reportDuplicates(inputs.platformFeeds.map { ($0.platform, $0.position) }, kind: "platform", log: log)
        for policy in inputs.policies.dropFirst() {
            if let position = policy.position, let first = inputs.policies.first?.position {
                log.error(position, "only one UpgradePolicy may be given; the first is at \(first).")
            }
        }
    }

    /// Checks one reference against the names of its kind, or says once that it cannot be checked
    /// because no document of that kind is among the inputs.
    private struct ReferenceCheck {
        let kind: String
        let names: [String]
        let nameSet: Set<String>
        let definedBy: String?
        let log: DiagnosticLog
        private var warnedMissing = false

        init(kind: String, names: [String], definedBy: String?, log: DiagnosticLog) {
            self.kind = kind
            self.names = names
            self.nameSet = Set(names)
            self.definedBy = definedBy
            self.log = log
        }

        /// `suggesting`: the names a misspelling may be suggested from (all of them when nil).
        mutating func check(_ reference: Reference, from subject: String, suggesting: [String]? = nil) {
            guard !nameSet.contains(reference.name) else { return }
            if let definedBy, names.isEmpty {
                if !warnedMissing {
                    log.warning(reference.position, "no \(definedBy) document is among the inputs, so \(kind) names such as \"\(reference.name)\" are not checked.")
                    warnedMissing = true
                }
                return
            }
            log.error(reference.position, "\(subject) refers to \(kind) \"\(reference.name)\", which does not exist\(NameSuggestion.sentenceEnding(for: reference.name, among: suggesting ?? names))")
        }
    }

    private static func checkManagementClusters(_ inputs: InputSet, windows: inout ReferenceCheck, log: DiagnosticLog) {
        var platforms = ReferenceCheck(kind: "platform", names: inputs.platformFeeds.map(\.platform), definedBy: "PlatformReleases", log: log)
        for management in inputs.managementClusters {
            let subject = "management cluster \"\(management.name)\""
            platforms.check(management.platform, from: subject)
            if let window = management.window {
                windows.check(window, from: subject)
            } else {
                log.warning(management.position, "\(subject) has no maintenance window, so its updates cannot be scheduled.")
            }
            guard let feed = inputs.platformFeeds.first(where: { $0.platform == management.platform.name }) else { continue }
            let release = feed.releases.first { $0.version == management.version }  // none: an error (FleetFactChecks)
            checkHost(of: management, subject: subject, rules: feed.rules, log: log)
            if let release, !release.versionsPublished {
                log.warning(management.versionPosition, "\(subject) runs \(management.version), whose Kubernetes versions the \(feed.platform) feed does not know (kubernetesVersions: unknown): its clusters' versions are judged against the releases whose versions are known, and status shows their support as unknown.")
            }
        }
    }

    /// A platform that retires on different days per host needs to know what the management cluster's hosts
    /// run; where the fleet does not say (or names a host the feed does not list), the earliest is assumed.
    private static func checkHost(of management: ManagementCluster, subject: String, rules: PlatformRules, log: DiagnosticLog) {
        guard let earliest = rules.endOfSupportByHost.first else { return }
        let hosts = rules.endOfSupportByHost.map(\.host).joined(separator: ", ")
        let assumption = "Upkeep assumes the earliest retirement, \(management.platform.name) on \(earliest.host) hosts from \(earliest.date); say which with hostOS (\(hosts))."
        if let host = management.hostOS {
            if !rules.endOfSupportByHost.contains(where: { $0.host == host.name }) {
                log.warning(host.position, "\(subject) has hostOS \"\(host.name)\", which the \(management.platform.name) feed does not list; \(assumption)")
            }
        } else {
            log.warning(management.position, "\(subject) does not say what its hosts run, and \(management.platform.name) retires on different days per host: \(assumption)")
        }
    }

    private static func checkClusters(_ inputs: InputSet, clusters: [WorkloadCluster], windows: inout ReferenceCheck, rings: inout ReferenceCheck, log: DiagnosticLog) {
        var managers = ReferenceCheck(kind: "management cluster", names: inputs.managementClusters.map(\.name), definedBy: nil, log: log)
        var clusterNames = ReferenceCheck(kind: "cluster", names: clusters.map(\.name), definedBy: nil, log: log)
        var families = ReferenceCheck(kind: "image family", names: Array(Set(inputs.nodeImageCatalogs.flatMap { $0.images.map(\.family) })),
                                      definedBy: "NodeImageCatalog", log: log)
        var familyOS: [String: OperatingSystem] = [:]
        for image in inputs.nodeImageCatalogs.flatMap(\.images) where familyOS[image.family] == nil {
            familyOS[image.family] = image.os
        }
        for cluster in clusters {
            let subject = "cluster \"\(cluster.name)\""
            if let management = cluster.managementCluster { managers.check(management, from: subject) }
            if let ring = cluster.ring { rings.check(ring, from: subject) }
            if let window = cluster.window {
                windows.check(window, from: subject)
            } else {
                log.warning(cluster.position, "\(subject) has no maintenance window, so its upgrades cannot be scheduled.")
            }
            for dependency in cluster.dependsOn {
                if dependency.name == cluster.name {
                    log.error(dependency.position, "\(subject) depends on itself.")
                } else {
                    clusterNames.check(dependency, from: subject)
                }
            }
            for pool in cluster.nodePools {
                // Never another operating system, nor another version of it (windows-2019 for windows-2022).
                let digits = pool.imageFamily.name.filter(\.isNumber)
                let sameSystem = familyOS.filter { $0.value == pool.os && $0.key.filter(\.isNumber) == digits }.map(\.key)
                families.check(pool.imageFamily, from: "node pool \"\(pool.name)\" of \(subject)", suggesting: sameSystem)
                if let os = familyOS[pool.imageFamily.name], os != pool.os {
                    log.error(pool.imageFamily.position, "node pool \"\(pool.name)\" of \(subject) runs \(pool.os.rawValue), but image family \"\(pool.imageFamily.name)\" is a \(os.rawValue) family.")
                }
            }
        }
    }
}
