/// Upkeep's AKS Arc feed from the pages Microsoft publishes (their markdown sources in
/// MicrosoftDocs/azure-stack-docs): each release's Kubernetes versions from the supported-versions page, its
/// availability date from Azure Local's release information page, and the end-of-support announcements from
/// the what's-new page. When a page no longer has the shape this reads, the problem names the page and what was
/// expected, and nothing is written.
public enum AKSArcFeedGenerator {
    public struct Pages: Sendable {
        public var supportedVersions: String
        public var releaseInformation: String
        public var whatsNew: String
        public init(supportedVersions: String, releaseInformation: String, whatsNew: String) {
            self.supportedVersions = supportedVersions
            self.releaseInformation = releaseInformation
            self.whatsNew = whatsNew
        }
    }

    public struct Release: Sendable, Equatable {
        public var version: Int
        public var released: CalendarDate
        /// nil: the release is on the release information page, but no supported-versions row gives its versions.
        public var kubernetesVersions: [String]?
        public var endOfSupport: [(minor: String, date: CalendarDate)]

        public static func == (a: Release, b: Release) -> Bool {
            a.version == b.version && a.released == b.released && a.kubernetesVersions == b.kubernetesVersions
                && a.endOfSupport.map { "\($0.minor) \($0.date)" } == b.endOfSupport.map { "\($0.minor) \($0.date)" }
        }
    }

    /// The releases, oldest first; or the problems, each naming its page. A release train the release information
    /// page dates but no supported-versions row lists is written with unknown versions, not left out.
    public static func releases(_ pages: Pages, names: (supported: String, information: String, whatsNew: String))
        -> (releases: [Release], problems: [String]) {
        var problems: [String] = []
        let builds = ReleaseInformationPage.builds(pages.releaseInformation)
        if builds.isEmpty {
            problems.append("\(names.information): expected table rows with a solution version (such as 11.2510.1001.21) and \"Availability date: YYYY-MM-DD\"; found none.")
        }
        problems += ReleaseInformationPage.contradictions(builds).map { "\(names.information): \($0)" }
        let rows = versionRows(pages.supportedVersions)
        if rows.isEmpty {
            problems.append("\(names.supported): expected a table whose rows are `| YYMM | 1.x.y, 1.x.y, … |`; found none.")
        }
        guard problems.isEmpty else { return ([], problems) }
        let dates = ReleaseInformationPage.trainDates(builds)
        // The table lists releases newest first; a label that appears twice is a typo for the release after it
        // (the page listed "2509" for 2510's row): the upper row goes to the next release the dates know of.
        var sets: [Int: [String]] = [:]
        let labels = rows.map(\.label)
        for (index, row) in rows.enumerated() {
            var label = row.label
            if labels[(index + 1)...].contains(label) {
                guard let next = dates.keys.sorted().first(where: { $0 > label && sets[$0] == nil && !labels.contains($0) }) else {
                    problems.append("\(names.supported): release \(label) is listed twice and no later release is known to give the first row to.")
                    continue
                }
                label = next
            }
            if sets[label] == nil { sets[label] = row.versions }
        }
        let announcements = endOfSupport(pages.whatsNew)
        var releases: [Release] = []
        for version in Set(sets.keys).union(dates.keys).sorted() {
            guard let released = dates[version] else {
                problems.append("\(names.information): no availability date for release \(version), which \(names.supported) lists.")
                continue
            }
            releases.append(Release(version: version, released: released, kubernetesVersions: sets[version],
                                    endOfSupport: announcements[version] ?? []))
        }
        return (problems.isEmpty ? releases : [], problems)
    }

    /// `| 2510 | 1.30.13, 1.30.14, … |` rows, in page order.
    static func versionRows(_ page: String) -> [(label: Int, versions: [String])] {
        var rows: [(label: Int, versions: [String])] = []
        for line in page.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
            guard cells.count >= 3, cells[1].count == 4, cells[1].allSatisfy(\.isNumber), let label = Int(cells[1]) else { continue }
            let versions = cells[2].split(separator: ",").map { String($0).trimmingSpaces }
            guard !versions.isEmpty, versions.allSatisfy({ KubernetesVersion(parsing: $0) != nil }) else { continue }
            rows.append((label, versions))
        }
        return rows
    }

    /// "Support for Kubernetes minor version 1.29 will end on October 31, 2025." under `### Release YYMM`.
    static func endOfSupport(_ page: String) -> [Int: [(minor: String, date: CalendarDate)]] {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var found: [Int: [(minor: String, date: CalendarDate)]] = [:]
        var release: Int?
        for line in page.split(separator: "\n") {
            if line.hasPrefix("### Release ") {
                release = Int(line.dropFirst("### Release ".count).prefix(4))
                continue
            }
            guard let current = release, let range = line.range(of: "Support for Kubernetes minor version ") else { continue }
            let rest = line[range.upperBound...]
            let words = rest.split(separator: " ")
            // "1.29 will end on October 31, 2025."
            guard words.count >= 7, words[1] == "will", words[2] == "end", words[3] == "on",
                  let month = months.firstIndex(of: String(words[4])), let day = Int(words[5].filter(\.isNumber)),
                  let year = Int(words[6].prefix(4)), let date = CalendarDate(year: year, month: month + 1, day: day),
                  KubernetesMinor(parsing: String(words[0])) != nil else { continue }
            found[current, default: []].append((String(words[0]), date))
        }
        return found
    }

    /// The feed file: a header naming the sources, the rules (Azure Local's, or the ones given), the releases.
    public static func render(_ releases: [Release], rules: String, sources: [String]) -> String {
        var lines = ["# AKS Arc on Azure Local: releases, their availability dates and Kubernetes versions.",
                     "# GENERATED by `upkeep feeds pull` from:"]
        lines += sources.map { "#   - \($0)" }
        lines += ["# Release dates are each release train's first availability date (each build paired with its own date);",
                  "# endOfSupport entries are the announcements of the release whose notes carry them.",
                  "apiVersion: upkeep/v1", "kind: PlatformReleases", "platform: aks-arc", rules.hasSuffix("\n") ? String(rules.dropLast()) : rules,
                  "releases:"]
        for release in releases {
            lines.append("  - version: \(release.version)")
            lines.append("    released: \(release.released)")
            if let versions = release.kubernetesVersions {
                lines.append("    kubernetesVersions: [\(versions.joined(separator: ", "))]")
            } else {
                lines.append("    kubernetesVersions: unknown   # on the release information page; no supported-versions row gives them")
            }
            if !release.endOfSupport.isEmpty {
                lines.append("    endOfSupport:")
                for end in release.endOfSupport { lines.append("      - { minor: \"\(end.minor)\", date: \(end.date) }") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Azure Local's rules, for a feed written from scratch (see releases/README.md for their sources).
    public static let defaultRules = """
        rules:
          supportedMinors: 3
          minorGracePeriod: 30d
          supportedReleases: none
          maxBehind: none
          releaseSupportMonths: 6
          updatesTo: next
          nodeImageOnlyUpdates: false
          skipMinorsFromUnsupported: true
          certificateValidity: 365d

        """
}
