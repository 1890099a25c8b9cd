/// Per management cluster (by subject number): its platform update steps, placed or not, and the ones
/// placed, with when they run and the release each brings.
struct PlatformPlacements: Sendable {
    struct Placed: Sendable {
        var end: Instant
        var start: Instant
        var release: PlatformRelease
        var step: Int
    }

    private(set) var updates: [[Int]] = []
    private(set) var placed: [[Placed]] = []

    /// Makes room for one more subject.
    mutating func addSubject() {
        updates.append([])
        placed.append([])
    }

    mutating func addUpdate(_ step: Int, of management: Int) {
        updates[management].append(step)
    }

    mutating func place(_ update: Placed, of management: Int) {
        placed[management].append(update)
    }

    /// The release of the latest update placed to end by `instant` (nil: none has).
    func release(of management: Int, at instant: Instant) -> PlatformRelease? {
        placed[management].filter { $0.end <= instant }.max { $0.end < $1.end }?.release
    }
}
