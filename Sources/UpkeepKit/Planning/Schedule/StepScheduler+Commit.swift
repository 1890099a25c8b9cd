/// Planning.md 5: what placing a step changes — its slot, status and version, its cluster's versions and
/// images, the soak gates and the room left in its occurrence.
extension StepScheduler {
    mutating func commit(_ index: Int, occurrence: WindowOccurrence, start: Instant, version: KubernetesVersion?, window: Int, position: Int) {
        let step = requirements[index]
        let subject = numbers.subject[index]
        let end = start.adding(minutes: step.estimatedMinutes)
        placements[index].occurrence = occurrence
        placements[index].start = start
        placements[index].end = end
        if let due = step.due, end > Instant(startOf: due) { placements[index].status = .late }
        state.busy[subject].append((start, end, index))
        if let clusterLimit = windows.clusterLimit[window] {
            state.occupants[window][position].insert(subject)
            state.placedOccurrences[subject].append((window, position))
            if state.occupants[window][position].count >= clusterLimit { state.nextOpen[window][position] = position + 1 }
        }
        state.placedBySubject[subject].append(index)
        let management = numbers.management[index]

        switch step.kind {
        case .platformUpdate:
            if let management, let release = step.targetRelease {
                platform.place(PlatformPlacements.Placed(end: end, start: start, release: release, step: index), of: management)
            }
        case .kubernetesUpgrade, .nodePoolUpgrade:
            if let version, let position = subjects.cluster[subject] {
                let cluster = context.clusters[position]
                placements[index].to = version.description
                if let management { recordUpdateBringing(version, to: index, cluster: cluster, management: management, before: start) }
                if step.kind == .kubernetesUpgrade { placements[index].from = state.versions.controlPlane[position].description }
                if step.movesControlPlane { state.versions.moveControlPlane(of: position, to: version) }
                var changes: [PlanStep.ImageChange] = []
                for (poolIndex, pool) in cluster.nodePools.enumerated() where step.movedPools.contains(pool.name) {
                    if step.kind == .nodePoolUpgrade { placements[index].from = state.versions.pools[position][poolIndex].description }
                    state.versions.movePool(poolIndex, of: position, to: version)
                    let current = state.poolImage[position][poolIndex]
                    if let image = context.newestImage(family: pool.imageFamily.name, for: version, on: start.utcDate), current < image.version {
                        changes.append(PlanStep.ImageChange(nodePool: pool.name, from: current.text, to: image.version.text))
                        state.poolImage[position][poolIndex] = image.version
                    }
                }
                placements[index].imageChanges = changes
                if let name = step.management, let release = releaseInEffect(name, at: start) {
                    let systems = Set(cluster.nodePools.map(\.os))
                    placements[index].knownIssues = release.knownIssues.filter { issue in
                        issue.affectedVersions.contains(version) && (issue.affectedOS.map { systems.contains($0) } ?? true)
                    }.map(\.id)
                }
                if let gate = soakGate(of: index) { soakEnds.record(ring: gate.ring, version: version, end: end, step: index) }
                if let management { state.workloadStepEnds(end, step: index, management: management) }
            }
        case .nodeImageUpdate:
            if let position = subjects.cluster[subject], let image = step.targetImageVersion, let poolIndex = step.poolIndex {
                // Image updates are placed after the Kubernetes steps, but run before any that brings a
                // newer image: only a newer image replaces what the pool is known to run.
                if state.poolImage[position][poolIndex] < image { state.poolImage[position][poolIndex] = image }
                if let management { state.workloadStepEnds(end, step: index, management: management) }
            }
        case .certificateRotation:
            // A rotation renews the certificates: the new expiry counts from its end.
            if let days = step.renewsCertificatesForDays { placements[index].to = end.utcDate.adding(days: days).description }
        }
    }

    /// A step that got no slot still counts toward its gate (so later rings are not held forever).
    /// A step without a slot names the patch it would take, as a placed step does, so that its id keeps one shape
    /// (`…/kubernetes/1.30.14`) whether it is placed or blocked: the newest patch of its minor offered to it by the
    /// horizon's end (supported then, if one is), else the newest any release of its platform lists, else the minor.
    mutating func settleResult(_ index: Int) {
        guard placements[index].to.isEmpty, let minor = requirements[index].targetMinor else { return }
        if let (candidates, supported) = versionCandidates(index, at: Instant(startOf: context.horizonEnd)),
           let best = candidates.last(where: supported) ?? candidates.last {
            placements[index].to = best.description
        } else if let management = requirements[index].management.flatMap({ context.engine.managementClusters[$0] }),
                  let listed = context.timeline(of: management)?.releases.flatMap(\.kubernetesVersions).filter({ $0.minorVersion == minor }).max() {
            placements[index].to = listed.description
        } else {
            placements[index].to = minor.description
        }
    }

    func describe(_ index: Int) -> String {
        let step = requirements[index]
        switch step.kind {
        case .platformUpdate: return "the platform update of \(step.management ?? "")"
        case .certificateRotation: return "the certificate rotation of \(step.management ?? "")"
        default: return "the \(step.kind.rawValue) of cluster \(step.cluster ?? "") to \(step.targetMinor?.description ?? placements[index].to)"
        }
    }

    // MARK: What later rounds read

    /// A cluster's placed steps (their positions), in the order they were placed.
    func placedPositions(ofCluster name: String) -> [Int] {
        subjects.number(of: SubjectTable.Key(name: name, isManagement: false)).map { state.placedBySubject[$0] } ?? []
    }

    /// The control plane version a cluster's placed steps leave it on.
    func controlPlaneVersion(of cluster: String) -> KubernetesVersion? {
        context.clusterIndex[cluster].map { state.versions.controlPlane[$0] }
    }

    /// A management cluster's placed platform updates (their positions), in the order they were placed.
    func placedPlatformUpdates(of management: String) -> [Int] {
        subjects.number(of: SubjectTable.Key(name: management, isManagement: true)).map { platform.placed[$0].map(\.step) } ?? []
    }

    /// Planning.md 3, "Platform first": a step that takes a version its management cluster's current
    /// release does not offer waits for the placed update that brings it (the earliest one that ended by its
    /// start and offers the version), so that `after` says so even when the order came from the dates alone.
    mutating func recordUpdateBringing(_ version: KubernetesVersion, to index: Int, cluster: WorkloadCluster, management: Int, before start: Instant) {
        guard let name = requirements[index].management, let managementCluster = context.engine.managementClusters[name],
              let current = context.timeline(of: managementCluster)?.release(managementCluster.version),
              !context.offered(current, to: cluster).contains(version) else { return }
        let bringing = platform.placed[management]
            .filter { $0.end <= start && context.offered($0.release, to: cluster).contains(version) }
            .min { $0.end < $1.end }
        if let bringing, !predecessors(of: index).contains(bringing.step) { placements[index].addedPredecessors.append(bringing.step) }
    }
}
