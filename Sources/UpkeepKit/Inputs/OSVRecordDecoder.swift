/// Reads an OSV record (JSON or YAML) as a SecurityAdvisory when it names the package
/// `k8s.io/kubernetes` in the Go or Kubernetes ecosystem (inputs.md, "Foreign formats").
enum OSVRecordDecoder {
    static let package = "k8s.io/kubernetes"

    static func isOSVRecord(_ mapping: YAMLMapping) -> Bool {
        mapping["affected"] != nil || (mapping["id"] != nil && mapping["modified"] != nil)
    }

    static func decode(_ root: Fields, _ context: DecodingContext) -> SecurityAdvisory? {
        guard let recordID = root.required("id").flatMap({ context.name($0, "id") }) else { return nil }
        let aliases = root["aliases"].map { context.list($0, "aliases") { context.name($0, "aliases") } } ?? []
        let id = ([recordID] + aliases).first { $0.hasPrefix("CVE-") } ?? recordID

        var ranges: [AffectedRange] = []
        var windowsOnly = false
        var mentionsPackage = false
        for affected in root["affected"].flatMap({ context.list($0, "affected") }) ?? [] {
            guard let fields = context.lenientFields(affected, "an affected entry"),
                  let package = fields["package"].flatMap({ context.lenientFields($0, "the package") }),
                  package["name"]?.scalar?.text == Self.package,
                  let ecosystem = package["ecosystem"]?.scalar?.text.lowercased(),
                  ecosystem == "go" || ecosystem == "kubernetes" else { continue }
            mentionsPackage = true
            for rangeNode in fields["ranges"].flatMap({ context.list($0, "ranges") }) ?? [] {
                guard let rangeFields = context.lenientFields(rangeNode, "a range") else { continue }
                let type = rangeFields["type"]?.scalar?.text ?? ""
                guard type == "SEMVER" || type == "ECOSYSTEM" else { continue }
                ranges += self.ranges(rangeFields["events"], context)
            }
            for versionNode in fields["versions"].flatMap({ context.list($0, "versions") }) ?? [] {
                if let version = context.kubernetesVersion(versionNode, "versions") {
                    ranges.append(AffectedRange(introduced: version, end: .lastAffected(version)))
                }
            }
            if let specific = fields["ecosystem_specific"]?.mapping, case .sequence(let imports)? = specific["imports"] {
                let systems = imports.items.compactMap { $0.mapping?["goos"]?.sequence?.items.compactMap { $0.scalar?.text } }
                windowsOnly = !systems.isEmpty && systems.allSatisfy { $0 == ["windows"] }
            }
        }
        guard mentionsPackage else {
            context.log.warning(root.position, "OSV record \(recordID) does not name the package \(Self.package) (ecosystem Go or Kubernetes), so it is not used.")
            return nil
        }

        var severity: Severity?
        var cvss: String?
        if let github = root["database_specific"]?.mapping?["severity"]?.scalar?.text {
            switch github.uppercased() {
            case "CRITICAL": severity = .critical
            case "HIGH": severity = .high
            case "MODERATE", "MEDIUM": severity = .medium
            case "LOW": severity = .low
            default: break
            }
        }
        for item in root["severity"]?.sequence?.items ?? [] {
            guard let entry = item.mapping, let type = entry["type"]?.scalar?.text, type == "CVSS_V3",
                  let vector = entry["score"]?.scalar?.text else { continue }
            cvss = vector
            if severity == nil, let score = CVSSScore.baseScore(vector: vector) { severity = CVSSScore.severity(score: score) }
        }

        var published: CalendarDate?
        if let node = root["published"] ?? root["modified"], let text = context.text(node, "published") {
            let day = String(text.prefix(10))
            if let date = CalendarDate(parsing: day), date.components.year >= 1970 {
                published = date
            } else if CalendarDate(parsing: day) == nil {
                context.error(node, "\"published\" is \"\(text)\", which is not an RFC 3339 time.")
            }
        }

        let summary = root["summary"]?.scalar?.text ?? root["details"]?.scalar?.text ?? ""
        let otherNames = Set(([recordID] + aliases).filter { $0 != id }).sorted()
        return SecurityAdvisory(id: id, aliases: otherNames, published: published, severity: severity ?? .medium,
                                severityIsAssumed: severity == nil, cvss: cvss, summary: summary,
                                os: windowsOnly ? .windows : nil, kubernetesRanges: ranges, nodeImageFixes: [],
                                position: root.position)
    }

    /// OSV's evaluation: events sorted by version ("0" first); affected from each `introduced` until the
    /// next `fixed`, `last_affected` or `limit`; an `introduced` with no end is unfixed.
    private static func ranges(_ node: YAMLNode?, _ context: DecodingContext) -> [AffectedRange] {
        enum Event { case introduced(KubernetesVersion?), fixed(KubernetesVersion), lastAffected(KubernetesVersion) }
        var events: [(version: KubernetesVersion?, event: Event)] = []
        for item in node.flatMap({ context.list($0, "events") }) ?? [] {
            guard let entry = item.mapping, let first = entry.entries.first else {
                context.error(item, "an OSV event must be a mapping with one of introduced, fixed, last_affected or limit.")
                continue
            }
            let key = first.key.text
            if key == "introduced" && first.value.scalar?.text == "0" {
                events.append((nil, .introduced(nil)))
                continue
            }
            guard let version = context.kubernetesVersion(first.value, key) else { continue }
            switch key {
            case "introduced": events.append((version, .introduced(version)))
            case "fixed", "limit": events.append((version, .fixed(version)))
            case "last_affected": events.append((version, .lastAffected(version)))
            default: context.error(item, "\"\(key)\" is not an OSV event; use introduced, fixed, last_affected or limit.")
            }
        }
        let sorted = events.enumerated().sorted { left, right in
            switch (left.element.version, right.element.version) {
            case (nil, nil): return left.offset < right.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l < r || (l == r && left.offset < right.offset)
            }
        }.map(\.element.event)

        var result: [AffectedRange] = []
        var open: KubernetesVersion??
        for event in sorted {
            switch event {
            case .introduced(let version):
                if open == nil { open = .some(version) }
            case .fixed(let version):
                if let start = open { result.append(AffectedRange(introduced: start, end: .fixed(version))) }
                open = nil
            case .lastAffected(let version):
                if let start = open { result.append(AffectedRange(introduced: start, end: .lastAffected(version))) }
                open = nil
            }
        }
        if let start = open { result.append(AffectedRange(introduced: start, end: .unfixed)) }
        return result
    }
}
