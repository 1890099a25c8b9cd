/// Writes Upkeep's own `KubernetesReleases` feed (`releases/kubernetes.yaml`) from the files the Kubernetes
/// project and endoflife.date publish, as they are published: `make feeds` and `upkeep feeds kubernetes`.
///
/// Each minor takes, from the first source that gives it:
/// - its release date: endoflife.date's release-data tag of x.0, then the project's schedule, then endoflife.date;
/// - its maintenance-mode date: the project's schedule, then endoflife.date;
/// - its end of life: the project's end-of-life list (an actual date), then its schedule (planned), then
///   endoflife.date — each date is the last day of support, as the sources publish it;
/// - its patches: every released patch any source names, on its tag date where release-data lists it, else on the
///   earliest date any source gives (a patch without a date, such as the schedule's `next`, is not released and is
///   left out).
public enum KubernetesFeedGenerator {
    public struct Result: Sendable {
        public var text: String
        public var minors: Int
    }

    /// The feed, or nil when the files hold no Kubernetes release data (the log says why).
    /// `files` are the published files (path as it should be named in the feed, and bytes).
    public static func generate(files: [(path: String, bytes: [UInt8])], fromMinor: KubernetesMinor, log: DiagnosticLog) -> Result? {
        let inputs = InputLoader().load(sources: files, log: log)
        let feeds = inputs.kubernetesFeeds.filter { $0.source != .upkeep }
        guard !feeds.isEmpty else {
            log.error(SourcePosition(path: files.first?.path ?? "(no file)", line: 1, column: 1),
                      "no Kubernetes schedule, end-of-life list or endoflife.date file among the sources.")
            return nil
        }
        func first<Value>(_ order: [KubernetesReleaseFeed.Source], _ minor: KubernetesMinor,
                          _ value: (KubernetesMinorRelease) -> Value?) -> (value: Value, source: KubernetesReleaseFeed.Source)? {
            for source in order {
                for feed in feeds where feed.source == source {
                    if let entry = feed.minors.first(where: { $0.minor == minor }), let found = value(entry) { return (found, source) }
                }
            }
            return nil
        }
        let minors = Set(feeds.flatMap { $0.minors.map(\.minor) }).filter { $0 >= fromMinor }.sorted()
        var lines = header(files: files)
        var written = 0
        for minor in minors {
            let released = first([.releaseData, .kubernetesSchedule, .endOfLifeDate], minor) { $0.released }
            let maintenance = first([.kubernetesSchedule, .endOfLifeDate], minor) { $0.maintenanceModeFrom }
            let end = first([.kubernetesEndOfLife, .kubernetesSchedule, .endOfLifeDate], minor) { $0.endOfLife }
            // A tag's date (release-data) is the real release; the schedule's is a target, days earlier at times.
            var patches: [KubernetesVersion: CalendarDate] = [:]
            var tagged = Set<KubernetesVersion>()
            for feed in feeds {
                for entry in feed.minors where entry.minor == minor {
                    for patch in entry.patches {
                        guard let day = patch.released else { continue }
                        if feed.source == .releaseData {
                            patches[patch.version] = tagged.contains(patch.version) ? min(patches[patch.version] ?? day, day) : day
                            tagged.insert(patch.version)
                        } else if !tagged.contains(patch.version) {
                            patches[patch.version] = min(patches[patch.version] ?? day, day)
                        }
                    }
                }
            }
            // A minor no source dates is not a release yet.
            guard released != nil || !patches.isEmpty else { continue }
            lines.append("  - minor: \"\(minor)\"")
            if let released { lines.append("    released: \(released.value)") }
            if let maintenance { lines.append("    maintenanceModeFrom: \(maintenance.value)") }
            if let end { lines.append("    endOfLife: \(end.value)   # \(label(end.source))") }
            if !patches.isEmpty {
                lines.append("    patches:")
                for version in patches.keys.sorted() {
                    lines.append("      - { version: \(version), released: \(patches[version].map(\.description) ?? "") }")
                }
            }
            written += 1
        }
        return Result(text: lines.joined(separator: "\n") + "\n", minors: written)
    }

    static func label(_ source: KubernetesReleaseFeed.Source) -> String {
        switch source {
        case .kubernetesEndOfLife: return "eol.yaml, actual"
        case .kubernetesSchedule: return "schedule.yaml, planned"
        case .endOfLifeDate: return "endoflife.date"
        case .releaseData: return "release-data"
        case .upkeep: return "KubernetesReleases"
        }
    }

    /// What the feed is, how it was made, and each source with the provenance line its copy carries
    /// (`# Source: …`).
    static func header(files: [(path: String, bytes: [UInt8])]) -> [String] {
        var lines = [
            "# Upstream Kubernetes minors: release, maintenance-mode and end-of-life dates, and released patches.",
            "# GENERATED by `make feeds` or `upkeep feeds pull` from the published files below; change those, not this file.",
            "# Sources:",
        ]
        for file in files.sorted(by: { UTF8Order.precedes($0.path, $1.path) }) {
            let text = String(decoding: file.bytes.prefix(4096), as: UTF8.self)
            let provenance = text.split(separator: "\n", omittingEmptySubsequences: false)
                .first { $0.hasPrefix("# Source:") }
                .map { String($0.dropFirst("# Source:".count).drop { $0 == " " }) } ?? "no source line"
            lines.append("#   - \(file.path): \(provenance)")
        }
        lines += [
            "# Release dates: release-data's x.0 tag, then schedule.yaml, then endoflife.date. Maintenance mode: schedule.yaml,",
            "# then endoflife.date. End of life: eol.yaml (actual), then schedule.yaml (planned), then endoflife.date.",
            "# Patches: every released patch any source names; dated by its tag where release-data lists it (the schedule",
            "# gives target dates, at times days before the real release), else on the earliest date any source gives.",
            "# endOfLife is the last day of upstream support (the day of the final patch); out of support the day after.",
            "apiVersion: upkeep/v1",
            "kind: KubernetesReleases",
            "minors:",
        ]
        return lines
    }
}
