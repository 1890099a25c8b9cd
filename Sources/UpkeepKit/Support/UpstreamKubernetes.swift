/// Upstream Kubernetes minors merged from every KubernetesReleases feed given: for standalone clusters.
///
/// End-of-life dates: an actual date (eol.yaml) wins; otherwise a planned date from our own
/// KubernetesReleases, then the Kubernetes schedule, then endoflife.date. Patches are the union of all
/// feeds, each with the earliest release date any feed gives.
public struct UpstreamKubernetes: Sendable {
    public struct Minor: Sendable {
        public var minor: KubernetesMinor
        public var released: CalendarDate?
        /// The last day of upstream support, as every source publishes it (the day of the final patch).
        public var endOfLife: CalendarDate?
        public var endOfLifeIsActual: Bool
        /// Where the end-of-life date comes from, for reasons.
        public var endOfLifeSource: String
        public var patches: [KubernetesPatchRelease]
    }

    public private(set) var minors: [Minor] = []
    /// The newest dated patch any feed gives (on a tie, the highest version), and where its feed starts.
    public private(set) var newestPatch: (version: KubernetesVersion, released: CalendarDate)?
    public private(set) var newestPatchPosition: SourcePosition?

    public init(_ feeds: [KubernetesReleaseFeed]) {
        func rank(_ source: KubernetesReleaseFeed.Source) -> Int {
            switch source {
            case .kubernetesEndOfLife: return 0
            case .upkeep: return 1
            case .kubernetesSchedule: return 2
            case .endOfLifeDate: return 3
            case .releaseData: return 4
            }
        }
        var byMinor: [KubernetesMinor: (minor: Minor, endRank: Int)] = [:]
        for feed in feeds.sorted(by: { rank($0.source) < rank($1.source) }) {
            for entry in feed.minors {
                for patch in entry.patches {
                    guard let day = patch.released else { continue }
                    if newestPatch.map({ ($0.released, $0.version) < (day, patch.version) }) ?? true {
                        newestPatch = (patch.version, day)
                        newestPatchPosition = feed.position
                    }
                }
                var current = byMinor[entry.minor] ?? (Minor(minor: entry.minor, released: nil, endOfLife: nil, endOfLifeIsActual: false,
                                                             endOfLifeSource: "", patches: []), Int.max)
                if current.minor.released == nil { current.minor.released = entry.released }
                if let end = entry.endOfLife, rank(feed.source) < current.endRank {
                    current.minor.endOfLife = end
                    current.minor.endOfLifeIsActual = entry.endOfLifeIsActual
                    current.minor.endOfLifeSource = feed.source.rawValue
                    current.endRank = rank(feed.source)
                }
                for patch in entry.patches {
                    if let index = current.minor.patches.firstIndex(where: { $0.version == patch.version }) {
                        let known = [current.minor.patches[index].released, patch.released].compactMap { $0 }
                        current.minor.patches[index].released = known.min()
                    } else {
                        current.minor.patches.append(patch)
                    }
                }
                byMinor[entry.minor] = current
            }
        }
        minors = byMinor.values.map { entry in
            var minor = entry.minor
            minor.patches.sort { $0.version < $1.version }
            return minor
        }.sorted { $0.minor < $1.minor }
    }

    public func minor(_ minor: KubernetesMinor) -> Minor? {
        minors.first { $0.minor == minor }
    }

    public var isEmpty: Bool { minors.isEmpty }
}
