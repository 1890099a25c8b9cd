import Foundation

/// Where a fleet file and what the clusters report disagree, fact by fact: a value that differs, a cluster
/// or pool on one side only. Read from the fleet file's own document tree, so that each changed value
/// keeps the place it is written (for `upkeep inventory --fleet`, which rewrites just those values, and for
/// `upkeep check --observed`, which annotates them). Only what an export gives is compared.
public struct FleetDrift: Sendable {
    public enum Kind: String, Sendable {
        case changed, observedOnly, fleetOnly
    }

    public struct Change: Sendable {
        public var kind: Kind
        /// The workload cluster, or the management cluster when `isManagement`.
        public var cluster: String
        public var isManagement = false
        public var pool: String?
        /// The fleet key that changes (`kubernetesVersion`, `os`, `nodeImage`, `nodes`); nil for a whole
        /// cluster or pool on one side only.
        public var field: String?
        public var fleetValue: String?
        public var observedValue: String?
        public var source: ObservedExportKind?
        /// Where the fleet writes it (the value, or the cluster or pool entry).
        public var fleetPosition: SourcePosition?
        /// The fleet's scalar, for a value to rewrite in place.
        public var fleetScalar: YAMLScalar?
        public var observedPosition: SourcePosition?
        /// The fleet writes this value once for several clusters or pools (an anchor and its aliases): rewriting
        /// it would change the others too.
        public var valueIsShared = false
        /// Why a change cannot be written, when the export does not give the value (`observedValue` nil).
        public var note: String? = nil

        /// `payments-prod: kubernetesVersion 1.27.9 → 1.28.5 (az aksarc show)`.
        public var line: String {
            let subject = isManagement ? "management cluster \(cluster)" : pool.map { "\(cluster), node pool \($0)" } ?? cluster
            switch kind {
            case .changed:
                return "\(subject): \(field ?? "") \(fleetValue ?? "") → \(observedValue ?? "?") (\(source?.rawValue ?? "export"))"
            case .observedOnly:
                return "\(subject): reported by \(source?.rawValue ?? "an export") (\(observedPosition?.description ?? "")) but not in the fleet"
            case .fleetOnly:
                return "\(subject): in the fleet but in no export"
            }
        }
    }

    public var changes: [Change] = []

    /// Compares the fleet document (its `clusters`) with what was observed; the changes in fleet order, then
    /// what only the exports have. The clusters are compared on every core of `execution` (each on its own).
    public static func compare(fleet document: YAMLDocument, observed: ObservedFacts, execution: ExecutionOptions = .standard) -> FleetDrift {
        var drift = FleetDrift()
        let clusters = document.root.mapping?["clusters"]?.sequence?.items ?? []
        var observedByName: [String: Int] = [:]
        for (index, cluster) in observed.clusters.enumerated() where observedByName[cluster.name] == nil { observedByName[cluster.name] = index }
        let index = observedByName
        let compared = execution.map(clusters) { node -> (name: String, changes: [Change])? in
            guard let entry = node.mapping, let name = entry["name"]?.scalar?.text else { return nil }
            var part = FleetDrift()
            guard let cluster = index[name].map({ observed.clusters[$0] }) else {
                part.changes.append(Change(kind: .fleetOnly, cluster: name, fleetPosition: document.position(node.mark)))
                return (name, part.changes)
            }
            part.compare(entry, "kubernetesVersion", with: cluster.kubernetesVersion, cluster: name, pool: nil, document: document) { fleet, observed in
                KubernetesVersion(parsing: fleet) == observed
            }
            part.comparePools(entry["nodePools"]?.sequence?.items ?? [], with: cluster, document: document)
            part.compareKubelets(entry, with: cluster, document: document)
            return (name, part.changes)
        }
        var seen = Set<String>()
        for case let (name, changes)? in compared {
            seen.insert(name)
            drift.changes += changes
        }
        drift.changes += observedOnly(observed, known: seen)
        drift.compareManagementClusters(document.root.mapping?["managementClusters"]?.sequence?.items ?? [], with: observed, document: document)
        drift.markSharedValues(in: document)
        return drift
    }

    /// Marks each changed value the document also uses elsewhere: an alias (or a `<<` merge) repeats its anchor's
    /// scalar, mark and all, wherever it is used — compared or not.
    private mutating func markSharedValues(in document: YAMLDocument) {
        // Uses are counted for the changed values only (a look-up per scalar of the fleet, no insert).
        var uses: [Mark: Int] = [:]
        for change in changes { if let mark = change.fleetScalar?.mark { uses[mark] = 0 } }
        guard !uses.isEmpty else { return }
        func count(_ node: YAMLNode) {
            switch node {
            case .scalar(let scalar): uses[scalar.mark]? += 1
            case .sequence(let sequence): sequence.items.forEach(count)
            case .mapping(let mapping): mapping.entries.forEach { count($0.value) }
            }
        }
        count(document.root)
        for index in changes.indices {
            if let mark = changes[index].fleetScalar?.mark, uses[mark, default: 0] > 1 { changes[index].valueIsShared = true }
        }
    }

    /// An AKS Arc management cluster's release against its Azure Local instance's solution version; a reported
    /// instance the fleet does not have.
    private mutating func compareManagementClusters(_ entries: [YAMLNode], with observed: ObservedFacts, document: YAMLDocument) {
        var seen = Set<String>()
        for node in entries {
            guard let entry = node.mapping, let name = entry["name"]?.scalar?.text else { continue }
            seen.insert(name)
            guard let reported = observed.managementClusters.first(where: { $0.name == name }) else { continue }
            guard entry["platform"]?.scalar?.text == "aks-arc" else { continue }
            let before = changes.count
            compare(entry, "version", with: reported.release, cluster: name, pool: nil, document: document) { $0 == $1 }
            let moved = changes.count > before
            compare(entry, "lastUpdated", with: reported.lastUpdated, cluster: name, pool: nil, document: document) { $0 == $1 }
            if moved, reported.lastUpdated == nil, let updated = entry["lastUpdated"]?.scalar {
                // The release moved, and the update renewed the certificates: a lastUpdated left as it was would
                // make the next plan rotate certificates that were just renewed.
                changes.append(Change(kind: .changed, cluster: name, field: "lastUpdated", fleetValue: updated.text, observedValue: nil,
                                      source: reported.release.source, fleetPosition: document.position(updated.mark), observedPosition: reported.release.position,
                                      note: "the export gives no LastUpdated: set lastUpdated to the day the update to \(reported.release.value) finished, or the next plan rotates the certificates it renewed"))
            }
            for index in before..<changes.count { changes[index].isManagement = true }
        }
        for reported in observed.managementClusters where !seen.contains(reported.name) {
            changes.append(Change(kind: .observedOnly, cluster: reported.name, isManagement: true, source: reported.release.source,
                                  observedPosition: reported.release.position))
        }
    }

    /// The observed clusters no fleet has.
    static func observedOnly(_ observed: ObservedFacts, known: Set<String>) -> [Change] {
        observed.clusters.filter { !known.contains($0.name) }.map { cluster in
            Change(kind: .observedOnly, cluster: cluster.name, source: cluster.kubernetesVersion?.source, observedPosition: cluster.position)
        }
    }

    private mutating func comparePools(_ pools: [YAMLNode], with cluster: ObservedCluster, document: YAMLDocument) {
        var seen = Set<String>()
        for node in pools {
            guard let entry = node.mapping, let name = entry["name"]?.scalar?.text else { continue }
            seen.insert(name)
            guard let pool = cluster.nodePools.first(where: { $0.name == name }) else {
                // Only an export that lists the cluster's pools can say a pool is gone.
                if !cluster.nodePools.isEmpty {
                    changes.append(Change(kind: .fleetOnly, cluster: cluster.name, pool: name, fleetPosition: document.position(node.mark)))
                }
                continue
            }
            compare(entry, "os", with: pool.os, cluster: cluster.name, pool: name, document: document) { $0 == $1.rawValue }
            compare(entry, "kubernetesVersion", with: pool.kubernetesVersion, cluster: cluster.name, pool: name, document: document) {
                KubernetesVersion(parsing: $0) == $1
            }
            compare(entry, "nodeImage", with: pool.nodeImage, cluster: cluster.name, pool: name, document: document) { $0 == $1 }
            compare(entry, "nodes", with: pool.nodes, cluster: cluster.name, pool: name, document: document) { Int($0) == $1 }
        }
        for pool in cluster.nodePools where !seen.contains(pool.name) {
            changes.append(Change(kind: .observedOnly, cluster: cluster.name, pool: pool.name,
                                  source: pool.nodes?.source ?? pool.os?.source ?? cluster.kubernetesVersion?.source, observedPosition: pool.position))
        }
    }

    /// The kubelet versions the nodes report against the versions the fleet's pools run: a cluster-wide fact (the
    /// nodes do not name their pools), which no single value of the fleet holds.
    private mutating func compareKubelets(_ entry: YAMLMapping, with cluster: ObservedCluster, document: YAMLDocument) {
        guard let observed = cluster.kubeletVersions else { return }
        let pools = entry["nodePools"]?.sequence?.items ?? []
        let fleet = Set(pools.compactMap { $0.mapping?["kubernetesVersion"]?.scalar.flatMap { KubernetesVersion(parsing: $0.text) } }).sorted()
        guard fleet != observed.value else { return }
        let list = { (versions: [KubernetesVersion]) in versions.isEmpty ? "(none)" : versions.map(\.description).joined(separator: ", ") }
        changes.append(Change(kind: .changed, cluster: cluster.name, field: "kubelet versions", fleetValue: list(fleet),
                              observedValue: list(observed.value), source: observed.source,
                              fleetPosition: document.position((entry["nodePools"] ?? .mapping(entry)).mark), observedPosition: observed.position))
    }

    /// Records a change when the export gives the fact and the fleet's value is missing or differs.
    private mutating func compare<Value>(_ entry: YAMLMapping, _ key: String, with fact: ObservedFact<Value>?, cluster: String, pool: String?,
                                         document: YAMLDocument, same: (String, Value) -> Bool) {
        guard let fact else { return }
        let scalar = entry[key]?.scalar
        if let scalar, same(scalar.text, fact.value) { return }
        changes.append(Change(kind: .changed, cluster: cluster, pool: pool, field: key, fleetValue: scalar?.text ?? "(none)",
                              observedValue: Self.text(fact.value), source: fact.source,
                              fleetPosition: document.position(scalar?.mark ?? entry.mark), fleetScalar: scalar, observedPosition: fact.position))
    }

    /// The drift of every fleet of the inputs (each read again from its file, for the places of its values) from
    /// what was observed: a cluster is "not in the fleet" only when no fleet has it.
    public static func compare(fleetsOf inputs: InputSet, observed: ObservedFacts, log: DiagnosticLog) -> FleetDrift {
        var drift = FleetDrift()
        let inAnyFleet = Set(inputs.clusters.map(\.name))
        for fleet in inputs.fleets {
            guard let data = FileManager.default.contents(atPath: fleet.position.path) else {
                log.append(Diagnostic(.error, file: fleet.position.path, "the fleet cannot be read again to compare it with the exports."))
                continue
            }
            let documents = YAMLReader().read([UInt8](data), path: fleet.position.path, log: log)
            guard let document = documents.first(where: { $0.root.mapping?["kind"]?.scalar?.text == "Fleet" }) else { continue }
            drift.changes += compare(fleet: document, observed: observed).changes.filter { $0.kind != .observedOnly }
        }
        drift.changes += observedOnly(observed, known: inAnyFleet)
        let managements = Set(inputs.managementClusters.map(\.name))
        for reported in observed.managementClusters where !managements.contains(reported.name) {
            drift.changes.append(Change(kind: .observedOnly, cluster: reported.name, isManagement: true, source: reported.release.source,
                                        observedPosition: reported.release.position))
        }
        return drift
    }

    static func text<Value>(_ value: Value) -> String {
        if let os = value as? OperatingSystem { return os.rawValue }
        return "\(value)"
    }
}
