import Foundation
import Synchronization

/// Applies the support rules of planning.md sections 1 and 2 to the whole fleet on one day.
public struct SupportEngine: Sendable {
    public let inputs: InputSet
    public let policy: UpgradePolicy
    public let timelines: [String: PlatformTimeline]
    public let upstream: UpstreamKubernetes
    public let images: NodeImageIndex
    public let managementClusters: [String: ManagementCluster]
    /// Verdicts on Kubernetes versions, shared by every cluster and pool that runs the same version
    /// under the same platform (a large fleet runs a handful of versions).
    private let verdictCache = VerdictCache()
    /// Fleet facts published after the day the engine was made for (`publishedBy`), as warnings.
    let newerFacts: [Finding]
    /// The same by subject: the rules whose failure they explain, and why (a verdict failing only on them is unknown).
    let newerBySubject: [String: (explains: Set<SupportRuleCode>, because: String)]

    /// `publishedBy`: the day asked; feed entries published after it are left out (planning.md 2, "Facts as of
    /// the day") and fleet facts newer than it become warnings. nil keeps every entry.
    public init(inputs given: InputSet, publishedBy date: CalendarDate? = nil) {
        let inputs = date.map { given.published(by: $0) } ?? given
        let newer = date.map { NewerFleetFact.find(in: given, after: $0) } ?? []
        newerFacts = newer.map(\.finding)
        newerBySubject = NewerFleetFact.explanations(newer, clusters: given.clusters)
        self.inputs = inputs
        policy = inputs.policy
        var timelines: [String: PlatformTimeline] = [:]
        for feed in inputs.platformFeeds where timelines[feed.platform] == nil {
            timelines[feed.platform] = PlatformTimeline(feed)
        }
        self.timelines = timelines
        upstream = UpstreamKubernetes(inputs.kubernetesFeeds)
        images = NodeImageIndex(inputs.nodeImageCatalogs)
        var managers: [String: ManagementCluster] = [:]
        for management in inputs.managementClusters where managers[management.name] == nil {
            managers[management.name] = management
        }
        managementClusters = managers
    }

    // MARK: Rows

    public func managementClusterSupport(_ management: ManagementCluster) -> CombinedSupport {
        var verdicts: [SupportVerdict] = []
        if let timeline = timelines[management.platform.name] {
            verdicts.append(PlatformReleaseSupportRule.evaluate(management.version, host: management.hostOS?.name, on: timeline))
            if let certificates = CertificateExpiryRule.evaluate(lastUpdated: management.lastUpdated, validity: timeline.rules.certificateValidity) {
                verdicts.append(certificates)
            }
        } else {
            verdicts.append(SupportVerdict(.platformRelease, .unsupported, "no PlatformReleases feed for platform \(management.platform.name)"))
        }
        if let subscription = SuspendedSubscriptionRule.evaluate(management.subscription, managementCluster: management.name, gracePeriod: policy.subscriptionGracePeriod) {
            verdicts.append(subscription)
        }
        return CombinedSupport(verdicts)
    }

    /// The verdicts on a Kubernetes version run by a cluster or pool: the platform's minor and patch rules,
    /// or upstream end of life for a standalone cluster.
    public func kubernetesSupport(_ version: KubernetesVersion, of cluster: WorkloadCluster) -> [SupportVerdict] {
        guard let reference = cluster.managementCluster else {
            return verdictCache.verdicts(platform: "", version: version) {
                [StandaloneKubernetesSupportRule.evaluate(version, upstream: upstream)]
            }
        }
        guard let management = managementClusters[reference.name], let timeline = timelines[management.platform.name] else {
            return [SupportVerdict(.kubernetesMinor, .unsupported, "no release data for the platform of management cluster \(reference.name)")]
        }
        return verdictCache.verdicts(platform: timeline.platform, version: version) {
            [PlatformMinorSupportRule.evaluate(version.minorVersion, on: timeline), PlatformPatchSupportRule.evaluate(version, on: timeline)]
        }
    }

    /// Control plane version, stopped state and subscription; pools, images and advisories have rows of
    /// their own.
    public func clusterSupport(_ cluster: WorkloadCluster) -> CombinedSupport {
        var verdicts = kubernetesSupport(cluster.kubernetesVersion, of: cluster)
        if let stopped = StoppedClusterRule.evaluate(cluster.state, rules: policy.stoppedClusters) { verdicts.append(stopped) }
        if let name = cluster.managementCluster?.name, let management = managementClusters[name],
           let subscription = SuspendedSubscriptionRule.evaluate(management.subscription, managementCluster: name, gracePeriod: policy.subscriptionGracePeriod) {
            verdicts.append(subscription)
        }
        return CombinedSupport(verdicts)
    }

    public func poolSupport(_ pool: NodePool, of cluster: WorkloadCluster) -> CombinedSupport {
        var verdicts = kubernetesSupport(pool.kubernetesVersion, of: cluster)
        verdicts.append(KubeletSkewRule.evaluate(pool: pool.kubernetesVersion, controlPlane: cluster.kubernetesVersion, allowedSkew: policy.kubeletSkew))
        verdicts.append(NodeImageAgeRule.evaluate(pool, images: images, maximumAge: policy.nodeImageMaxAge))
        if let family = ImageFamilyEndOfLifeRule.evaluate(family: pool.imageFamily.name, images: images) { verdicts.append(family) }
        return CombinedSupport(verdicts)
    }

    // MARK: The report

    public func status(on date: CalendarDate) -> StatusReport {
        var findings: [Finding] = []
        let managementRows = inputs.managementClusters.sorted { UTF8Order.precedes($0.name, $1.name) }.map { management in
            let support = managementClusterSupport(management)
            let subject = "management-cluster/\(management.name)"
            findings += failures(support, on: date, subject: subject, name: "management cluster \(management.name)", position: management.position)
            return ManagementClusterStatus(name: management.name, platform: management.platform.name, version: management.version.description,
                                           support: support, answer: managementAnswer(management, support: support, on: date))
        }
        var answers: [String: ManagementClusterStatus] = [:]
        for row in managementRows where answers[row.name] == nil { answers[row.name] = row }
        let clusterRows = inputs.clusters.sorted { UTF8Order.precedes($0.name, $1.name) }.map { cluster in
            clusterStatus(cluster, management: cluster.managementCluster.flatMap { answers[$0.name] }, on: date, findings: &findings)
        }
        findings += advisoryFindings(clusterRows, on: date)
        findings += feedFindings(on: date)
        return StatusReport(asOf: date, managementClusters: managementRows, clusters: clusterRows, findings: FindingCatalog.urgentFirst(findings, asOf: date))
    }

    /// The findings a plan carries from the support rules: what no step fixes, or what the operator must
    /// do by hand (stopped clusters, suspended subscriptions, skew now, advisories with no fix, stale
    /// feeds). Cheaper than the whole status of a large fleet.
    public func planningFindings(on date: CalendarDate) -> [Finding] {
        var findings: [Finding] = []
        var unfixed: [String: [String]] = [:]
        for cluster in inputs.clusters {
            findings += stoppedFindings(cluster, on: date)
            for pool in cluster.nodePools {
                let skew = KubeletSkewRule.evaluate(pool: pool.kubernetesVersion, controlPlane: cluster.kubernetesVersion, allowedSkew: policy.kubeletSkew)
                findings += failures(CombinedSupport([skew]), on: date, subject: "cluster/\(cluster.name)/pool/\(pool.name)",
                                     name: "node pool \(pool.name) of cluster \(cluster.name)", position: pool.position)
            }
            for exposure in AdvisoryExposureRule.clusterExposures(cluster, advisories: inputs.advisories, policy: policy) where exposure.unfixed {
                unfixed[exposure.advisoryID, default: []].append(cluster.name)
            }
        }
        findings += unfixedFindings(unfixed)
        findings += feedFindings(on: date)
        return findings
    }

    /// A management cluster's one verdict on `date` (SupportAnswer).
    public func managementAnswer(_ management: ManagementCluster, support: CombinedSupport, on date: CalendarDate) -> SupportAnswer {
        let stale = timelines[management.platform.name].flatMap { FeedStalenessRule.staleness(of: $0, on: date, staleAfter: policy.feedStaleAfter) }
        if let newer = newerExplanation(support, subject: "management-cluster/\(management.name)", on: date) {
            return SupportAnswer(state: .unknown, until: nil, inherited: nil, through: nil, unknownBecause: newer)
        }
        return .management(support, on: date, unknownBecause: stale.map { Self.staleSentence(management.platform.name, $0, on: date) })
    }

    /// Why a subject that fails only rules a newer fleet fact explains is unknown rather than out of support.
    func newerExplanation(_ support: CombinedSupport, subject: String, on date: CalendarDate) -> String? {
        guard let newer = newerBySubject[subject] else { return nil }
        let failing = support.verdicts.filter { !$0.isSupported(on: date) }
        return !failing.isEmpty && failing.allSatisfy({ newer.explains.contains($0.rule) }) ? newer.because : nil
    }

    /// A workload cluster's or pool's one verdict on `date`, given its own support and its management cluster's row.
    public func memberAnswer(_ support: CombinedSupport, of cluster: WorkloadCluster, pool: String? = nil, management: ManagementClusterStatus?, on date: CalendarDate) -> SupportAnswer {
        let subject = "cluster/\(cluster.name)" + (pool.map { "/pool/\($0)" } ?? "")
        if let newer = newerExplanation(support, subject: subject, on: date), !(management?.answer.isOutOfSupport ?? false) {
            return SupportAnswer(state: .unknown, until: nil, inherited: nil, through: nil, unknownBecause: newer)
        }
        let above = management.map { row in
            (name: row.name, answer: row.answer,
             reason: (row.support.orderedVerdicts.first { !$0.isSupported(on: date) } ?? row.support.orderedVerdicts.first)?.reason)
        }
        return .member(support, on: date, management: above, unknownBecause: supportUnknown(under: cluster.managementCluster?.name, on: date))
    }

    private func clusterStatus(_ cluster: WorkloadCluster, management: ManagementClusterStatus?, on date: CalendarDate, findings: inout [Finding]) -> ClusterStatus {
        let subject = "cluster/\(cluster.name)"
        let support = clusterSupport(cluster)
        findings += failures(support, on: date, subject: subject, name: "cluster \(cluster.name)", position: cluster.position)
        findings += stoppedFindings(cluster, on: date)
        let pools = cluster.nodePools.sorted { UTF8Order.precedes($0.name, $1.name) }.map { pool in
            let poolSupport = poolSupport(pool, of: cluster)
            findings += failures(poolSupport, on: date, subject: "\(subject)/pool/\(pool.name)",
                                 name: "node pool \(pool.name) of cluster \(cluster.name)", position: pool.position)
            return NodePoolStatus(name: pool.name, os: pool.os, kubernetesVersion: pool.kubernetesVersion.description,
                                  imageFamily: pool.imageFamily.name, nodeImage: pool.nodeImage.text, support: poolSupport,
                                  answer: memberAnswer(poolSupport, of: cluster, pool: pool.name, management: management, on: date),
                                  advisories: Self.rows(AdvisoryExposureRule.poolExposures(pool, advisories: inputs.advisories, policy: policy)))
        }
        return ClusterStatus(name: cluster.name, managementCluster: cluster.managementCluster?.name, ring: cluster.ring?.name,
                             kubernetesVersion: cluster.kubernetesVersion.description, support: support,
                             answer: memberAnswer(support, of: cluster, management: management, on: date),
                             advisories: Self.rows(AdvisoryExposureRule.clusterExposures(cluster, advisories: inputs.advisories, policy: policy)),
                             nodePools: pools)
    }

    private static func rows(_ exposures: [AdvisoryExposureRule.Exposure]) -> [AdvisoryStatus] {
        exposures.map { AdvisoryStatus(id: $0.advisoryID, severity: $0.severity, due: $0.due, unfixed: $0.unfixed) }
            .sorted { UTF8Order.precedes($0.id, $1.id) }
    }

    // MARK: Findings

    /// One finding per rule that says the thing is out of support on `date`. Stopped clusters and
    /// suspended subscriptions have findings of their own.
    private func failures(_ support: CombinedSupport, on date: CalendarDate, subject: String, name: String, position: SourcePosition) -> [Finding] {
        // A rule that fails only for a fleet fact newer than the day asked has its warning (fact-newer-than-as-of).
        let explained = newerBySubject[subject]?.explains ?? []
        return support.verdicts.filter { !$0.isSupported(on: date) && $0.rule != .stopped && $0.rule != .subscription && !explained.contains($0.rule) }.map { verdict in
            let severity: Diagnostic.Severity = verdict.rule == .nodeImageAge ? .warning : .error
            return Finding(severity, code: verdict.rule.rawValue, subject: subject,
                           message: "\(name) is out of support: \(verdict.reason).", position: position,
                           due: verdict.endDate ?? date, cause: "is out of support: \(verdict.reason).")
        }
    }

    private func stoppedFindings(_ cluster: WorkloadCluster, on date: CalendarDate) -> [Finding] {
        var findings: [Finding] = []
        let subject = "cluster/\(cluster.name)"
        if case .stopped(let since) = cluster.state, let deadline = StoppedClusterRule.lastUpdateDeadline(cluster.state, rules: policy.stoppedClusters) {
            if date >= deadline {
                findings.append(Finding(.error, code: "stopped-too-long", subject: subject,
                                        message: "cluster \(cluster.name) has been stopped since \(since) and can no longer be updated since \(deadline); redeploy it.",
                                        position: cluster.position, due: deadline))
            } else {
                let outOfSupport = since.adding(days: policy.stoppedClusters.outOfSupportAfter.days)
                findings.append(Finding(date >= outOfSupport ? .error : .warning, code: "cluster-stopped", subject: subject,
                                        message: "cluster \(cluster.name) has been stopped since \(since) and is out of support from \(outOfSupport); start and update it before \(deadline), after which it can no longer be updated.",
                                        position: cluster.position, due: outOfSupport))
            }
        }
        if let name = cluster.managementCluster?.name, let management = managementClusters[name],
           case .suspended(let since) = management.subscription {
            let end = since.adding(days: policy.subscriptionGracePeriod.days)
            findings.append(Finding(.error, code: "subscription-suspended", subject: subject,
                                    message: "the subscription of management cluster \(name) is suspended since \(since); cluster \(cluster.name) is out of support from \(end) unless it is reinstated.",
                                    position: cluster.position, due: end))
        }
        return findings
    }

    /// Advisories past their deadline (an error per exposed cluster or pool) and advisories with no fix
    /// (one warning per advisory, naming the clusters exposed).
    private func advisoryFindings(_ clusters: [ClusterStatus], on date: CalendarDate) -> [Finding] {
        var findings: [Finding] = []
        var unfixed: [String: [String]] = [:]
        for cluster in clusters {
            let rows = cluster.advisories.map { ("cluster/\(cluster.name)", "cluster \(cluster.name)", $0) }
                + cluster.nodePools.flatMap { pool in pool.advisories.map { ("cluster/\(cluster.name)/pool/\(pool.name)", "node pool \(pool.name) of cluster \(cluster.name)", $0) } }
            for (subject, name, advisory) in rows {
                if advisory.unfixed {
                    unfixed[advisory.id, default: []].append(cluster.name)
                } else if let due = advisory.due, due <= date {
                    findings.append(Finding(.error, code: "advisory-overdue", subject: subject,
                                            message: "\(name) is exposed to \(advisory.id) (\(advisory.severity.rawValue)), which had to be fixed by \(due).",
                                            position: position(ofSubject: subject), due: due,
                                            cause: "is exposed to \(advisory.id) (\(advisory.severity.rawValue)), which had to be fixed by \(due)."))
                }
            }
        }
        findings += unfixedFindings(unfixed)
        return findings
    }

    /// One warning per advisory with no fix, naming the clusters exposed.
    private func unfixedFindings(_ unfixed: [String: [String]]) -> [Finding] {
        unfixed.map { id, names in
            let advisory = inputs.advisories.first { $0.id == id }
            let list = names.sorted { UTF8Order.precedes($0, $1) }
            let shown = list.count > 20 ? list.prefix(20).joined(separator: ", ") + ", …" : list.joined(separator: ", ")
            return Finding(.warning, code: "advisory-unfixed", subject: "advisory/\(id)",
                           message: "\(id) affects \(list.count) cluster\(list.count == 1 ? "" : "s") (\(shown)) and no fixed version exists; apply its mitigation.",
                           position: advisory?.position)
        }
    }

    private func position(ofSubject subject: String) -> SourcePosition? {
        let parts = subject.split(separator: "/").map(String.init)
        guard parts.count >= 2, let cluster = inputs.clusters.first(where: { $0.name == parts[1] }) else { return nil }
        if parts.count == 4 { return cluster.nodePools.first { $0.name == parts[3] }?.position }
        return cluster.position
    }
}

/// Remembers the verdicts on each (platform, version); safe to use from several threads (a `Mutex`, which the
/// compiler checks).
final class VerdictCache: Sendable {
    private struct Key: Hashable, Sendable {
        var platform: String
        var version: KubernetesVersion
    }

    private let stored = Mutex<[Key: [SupportVerdict]]>([:])

    func verdicts(platform: String, version: KubernetesVersion, compute: () -> [SupportVerdict]) -> [SupportVerdict] {
        let key = Key(platform: platform, version: version)
        if let known = stored.withLock({ $0[key] }) { return known }
        let computed = compute()
        stored.withLock { $0[key] = computed }
        return computed
    }
}
