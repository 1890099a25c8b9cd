/// The windows a schedule places steps into, numbered once, so that the scheduler keeps its per-window state in
/// arrays: each window's name, occurrences, longest occurrence and cluster limit (`max-parallel`).
struct WindowTable {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]
    private(set) var occurrences: [[WindowOccurrence]] = []
    private(set) var longest: [Int] = []
    private(set) var clusterLimit: [Int?] = []

    /// The number of a window the schedule defines (nil for a name it does not), numbering it when new (`isNew`).
    mutating func number(_ name: String, context: PlanningContext) -> (number: Int, isNew: Bool)? {
        if let known = numbers[name] { return (known, false) }
        guard let window = context.windows[name] else { return nil }
        numbers[name] = names.count
        names.append(name)
        occurrences.append(context.occurrences(of: name))
        longest.append(context.longestOccurrence(of: name))
        clusterLimit.append(window.clusterLimit)
        return (names.count - 1, true)
    }
}
