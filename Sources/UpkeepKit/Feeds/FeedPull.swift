import Foundation

/// `upkeep feeds pull`: Upkeep's feed files made from the published sources (fetched or from a bundle), with
/// what changed against the feeds already there. A group whose sources failed or no longer have the expected
/// shape writes nothing; the others still do.
public struct FeedPull: Sendable {
    /// A file to write below the feeds folder, and whether it differs from the one there.
    public struct Output: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var changed: Bool
    }

    public var outputs: [Output] = []
    /// One line per source or group that failed, naming it.
    public var problems: [String] = []
    /// One line per output: what changed, or that nothing did.
    public var summary: [String] = []

    /// `contents`: each fetched source's bytes by source name; `provenance`: how each is named in the feeds
    /// (its URL and digest, or the bundle); `existing`: the feed files there now, by path.
    public init(groups: [FeedSource.Group], contents: [String: [UInt8]], provenance: [String: String], existing: [String: [UInt8]]) {
        for group in FeedSource.Group.allCases where groups.contains(group) {
            let sources = FeedSource.all.filter { $0.group == group }
            let missing = sources.filter { contents[$0.name] == nil }
            guard missing.isEmpty else {
                summary.append("\(group.rawValue): not updated (\(missing.map(\.name).joined(separator: ", ")) could not be read)")
                continue
            }
            switch group {
            case .kubernetes: kubernetes(contents, provenance, existing)
            case .aksArc: aksArc(contents, provenance, existing)
            case .advisories: advisories(contents, provenance, existing)
            }
        }
    }

    private mutating func add(_ path: String, _ text: String, existing: [String: [UInt8]], describe: ([UInt8]?) -> String) {
        let bytes = Array(text.utf8)
        let old = existing[path]
        let changed = old != bytes
        outputs.append(Output(path: path, bytes: bytes, changed: changed))
        summary.append("\(path): " + (changed ? describe(old) : "unchanged"))
    }

    // MARK: Kubernetes

    private mutating func kubernetes(_ contents: [String: [UInt8]], _ provenance: [String: String], _ existing: [String: [UInt8]]) {
        var files: [(path: String, bytes: [UInt8])] = []
        for source in FeedSource.all where source.group == .kubernetes {
            guard var bytes = contents[source.name] else { continue }
            if source.name.hasSuffix(".md") {
                guard let front = Self.frontMatter(bytes) else {
                    problems.append("\(source.name) (\(source.url)): expected a product page starting with YAML front matter between `---` lines; found none. kubernetes.yaml is kept.")
                    return
                }
                bytes = front
            }
            files.append((source.name, Array("# Source: \(provenance[source.name] ?? source.url)\n".utf8) + bytes))
        }
        let log = DiagnosticLog()
        guard let minor = KubernetesMinor(parsing: "1.24"),
              let result = KubernetesFeedGenerator.generate(files: files, fromMinor: minor, log: log), log.errorCount == 0 else {
            problems.append("kubernetes: the sources do not read as the Kubernetes schedule, end-of-life list and endoflife.date file: \(log.sorted.prefix(3).map(\.description).joined(separator: "; ")). kubernetes.yaml is kept.")
            return
        }
        add("kubernetes.yaml", result.text, existing: existing) { old in
            let before = Self.minors(old), after = Self.minors(Array(result.text.utf8))
            let added = after.keys.filter { before[$0] == nil }.sorted()
            let moved = after.keys.filter { before[$0] != nil && before[$0] != after[$0] }.count
            return "written: \(result.minors) minors" + (added.isEmpty ? "" : ", added \(added.map(\.description).joined(separator: ", "))")
                + (moved > 0 ? ", \(moved) with other dates or patches" : "")
        }
    }

    /// The YAML between the first two `---` lines of a markdown page.
    static func frontMatter(_ bytes: [UInt8]) -> [UInt8]? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingSpaces == "---", let end = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces == "---" }) else { return nil }
        return Array((lines[1..<end].joined(separator: "\n") + "\n").utf8)
    }

    static func minors(_ bytes: [UInt8]?) -> [KubernetesMinor: String] {
        guard let bytes else { return [:] }
        let inputs = InputLoader().load(sources: [("kubernetes.yaml", bytes)], log: DiagnosticLog())
        var minors: [KubernetesMinor: String] = [:]
        for minor in inputs.kubernetesFeeds.flatMap(\.minors) {
            minors[minor.minor] = "\(minor.released?.description ?? "") \(minor.endOfLife?.description ?? "") \(minor.patches.map(\.version.description).joined(separator: ","))"
        }
        return minors
    }

    // MARK: AKS Arc

    private mutating func aksArc(_ contents: [String: [UInt8]], _ provenance: [String: String], _ existing: [String: [UInt8]]) {
        func page(_ name: String) -> String { String(decoding: contents["aks-arc/\(name)"] ?? [], as: UTF8.self) }
        let names = (supported: "aks-arc/supported-kubernetes-versions.md", information: "aks-arc/release-information-23h2.md",
                     whatsNew: "aks-arc/aks-whats-new-local.md")
        let (releases, problems) = AKSArcFeedGenerator.releases(
            .init(supportedVersions: page("supported-kubernetes-versions.md"), releaseInformation: page("release-information-23h2.md"),
                  whatsNew: page("aks-whats-new-local.md")), names: names)
        guard problems.isEmpty, !releases.isEmpty else {
            self.problems += problems.map { $0 + " platform-aks-arc.yaml is kept." }
            return
        }
        let rules = existing["platform-aks-arc.yaml"].flatMap(Self.rulesBlock) ?? AKSArcFeedGenerator.defaultRules
        let sources = FeedSource.all.filter { $0.group == .aksArc }.map { "\($0.name): \(provenance[$0.name] ?? $0.url)" }
        let text = AKSArcFeedGenerator.render(releases, rules: rules, sources: sources)
        add("platform-aks-arc.yaml", text, existing: existing) { old in
            let before = Self.arcReleases(old)
            let added = releases.filter { before[$0.version] == nil }.map { String($0.version) }
            let moved = releases.filter { release in before[release.version].map { $0 != release.released } ?? false }.map { String($0.version) }
            return "written: \(releases.count) releases" + (added.isEmpty ? "" : ", added \(added.joined(separator: ", "))")
                + (moved.isEmpty ? "" : ", dates moved for \(moved.joined(separator: ", "))")
        }
    }

    /// The `rules:` block of a feed file, as written (kept when the feed is written again).
    static func rulesBlock(_ bytes: [UInt8]) -> String? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("rules:") }) else { return nil }
        var block = [String(lines[start])]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(" ") || line.isEmpty else { break }
            if !line.isEmpty { block.append(String(line)) }
        }
        return block.joined(separator: "\n") + "\n"
    }

    static func arcReleases(_ bytes: [UInt8]?) -> [Int: CalendarDate] {
        guard let bytes else { return [:] }
        let inputs = InputLoader().load(sources: [("platform-aks-arc.yaml", bytes)], log: DiagnosticLog())
        var releases: [Int: CalendarDate] = [:]
        for release in inputs.platformFeeds.flatMap(\.releases) {
            if let version = Int(release.version.description) { releases[version] = release.released }
        }
        return releases
    }

    // MARK: Advisories

    private mutating func advisories(_ contents: [String: [UInt8]], _ provenance: [String: String], _ existing: [String: [UInt8]]) {
        let name = "advisories/osv-query.json"
        guard let bytes = contents[name], let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let vulns = root["vulns"] as? [[String: Any]] else {
            problems.append("\(name) (OSV query for k8s.io/kubernetes): expected a JSON object with a \"vulns\" list; found none. The advisories are kept.")
            return
        }
        var added: [String] = [], changed: [String] = [], unchanged = 0
        for vuln in vulns {
            guard let id = vuln["id"] as? String, !id.isEmpty, FileNames.staysInside(id + ".json"), !id.contains(" ") else { continue }
            guard let data = try? JSONSerialization.data(withJSONObject: vuln, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) else { continue }
            let path = "advisories/\(id).json"
            let bytes = Array(data) + [0x0A]
            let old = existing[path]
            if old == bytes { unchanged += 1 } else if old == nil { added.append(id) } else { changed.append(id) }
            outputs.append(Output(path: path, bytes: bytes, changed: old != bytes))
        }
        summary.append("advisories: \(vulns.count) OSV records from \(provenance[name] ?? name)"
                       + (added.isEmpty ? "" : ", added \(added.sorted().joined(separator: ", "))")
                       + (changed.isEmpty ? "" : ", changed \(changed.sorted().joined(separator: ", "))")
                       + (unchanged > 0 ? ", \(unchanged) unchanged" : ""))
    }
}
