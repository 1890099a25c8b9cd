/// One thing that kept a step from starting earlier, recorded by the scheduler while it placed the step
/// (planning.md 5): what `upkeep explain` shows under "why on this date".
struct PlacementConstraint {
    enum Kind: String {
        /// The plan starts on `--as-of`.
        case asOf = "as-of"
        /// The release, version or image the step brings is out from this day.
        case releaseAvailable = "release-available"
        /// A step it waits for (its predecessor, or another step of its cluster) ends then.
        case after
        /// Its management cluster's platform update ends then.
        case platformUpdate = "platform-update"
        /// An earlier ring's step to the same version, plus that ring's soak, ends then.
        case soak
        /// A freeze covers the occurrences up to then.
        case freeze
        /// The occurrence had no room left for it (its cluster busy, or too little time before the end).
        case occurrenceFull = "occurrence-full"
        /// The occurrence already had cluster limit (`max-parallel`) other clusters.
        case clusterLimit = "max-parallel"
        /// The window occurrence it landed in opens then.
        case window
    }

    var kind: Kind
    /// The earliest start this constraint allowed.
    var notBefore: Instant
    /// The steps it names (by position in the schedule): a predecessor, the soaking step, the steps that
    /// filled an occurrence.
    var steps: [Int] = []
    /// What else it names, in words (a freeze and its dates, a soak, an occurrence).
    var detail: String = ""
    /// The constraint that decided the start.
    var binding = false
}
