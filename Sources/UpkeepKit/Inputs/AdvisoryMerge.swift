/// Joins the records of one vulnerability (a GitHub and a Go OSV record of one CVE, or our own
/// advisory beside them) into one advisory identified by its CVE id: records that share any id or alias
/// are one advisory.
public enum AdvisoryMerge {
    public static func merge(_ advisories: [SecurityAdvisory], log: DiagnosticLog) -> [SecurityAdvisory] {
        var groups: [[SecurityAdvisory]] = []
        var groupOfName: [String: Int] = [:]
        for advisory in advisories {
            let names = [advisory.id] + advisory.aliases
            let existing = Set(names.compactMap { groupOfName[$0] }).sorted()
            let target: Int
            if let first = existing.first {
                target = first
                for other in existing.dropFirst() {
                    groups[target] += groups[other]
                    groups[other] = []
                }
            } else {
                target = groups.count
                groups.append([])
            }
            groups[target].append(advisory)
            for name in groups[target].flatMap({ [$0.id] + $0.aliases }) { groupOfName[name] = target }
        }
        var merged = groups.filter { !$0.isEmpty }.map(combine)
        for advisory in merged where advisory.published == nil {
            log.warning(advisory.position, "advisory \(advisory.id) has no real publication date (its OSV records give 0001-01-01), so it has no deadline.")
        }
        merged.sort { UTF8Order.precedes($0.id, $1.id) }
        return merged
    }

    private static func combine(_ records: [SecurityAdvisory]) -> SecurityAdvisory {
        guard var result = records.first else { preconditionFailure("groups are never empty") }
        guard records.count > 1 else { return result }
        let names = Set(records.flatMap { [$0.id] + $0.aliases })
        result.id = names.filter { $0.hasPrefix("CVE-") }.sorted().first ?? result.id
        result.aliases = names.subtracting([result.id]).sorted()
        result.published = records.compactMap(\.published).min()
        if let rated = records.first(where: { !$0.severityIsAssumed }) {
            result.severity = rated.severity
            result.severityIsAssumed = false
        }
        result.cvss = records.compactMap(\.cvss).first
        result.summary = records.map(\.summary).first { !$0.isEmpty } ?? ""
        result.os = records.compactMap(\.os).first
        var ranges: [AffectedRange] = []
        for range in records.flatMap(\.kubernetesRanges) where !ranges.contains(range) { ranges.append(range) }
        result.kubernetesRanges = ranges
        result.nodeImageFixes = records.flatMap(\.nodeImageFixes)
        return result
    }
}
