/// The subjects a schedule places steps of (workload and management clusters), numbered once, so that the
/// scheduler keeps its per-subject state in arrays: each subject's window number, position in the context's
/// clusters (workload clusters) and ring name. The scheduler numbers them up front in name order, so the number
/// is also the name's place in the priority order.
struct SubjectTable {
    struct Key: Hashable {
        var name: String
        var isManagement: Bool
    }

    private var numbers: [Key: Int] = [:]
    private(set) var window: [Int?] = []
    private(set) var cluster: [Int?] = []
    private(set) var ring: [String?] = []

    var count: Int { window.count }

    /// The number of a known subject.
    func number(of key: Key) -> Int? { numbers[key] }

    /// The window a subject's steps go into, by name (nil: it names none).
    static func windowName(of key: Key, context: PlanningContext) -> String? {
        if key.isManagement { return context.engine.managementClusters[key.name]?.window?.name }
        return context.clusterIndex[key.name].flatMap { context.clusters[$0].window?.name }
    }

    /// Numbers a new subject (`number(of:)` is nil for it) whose window has number `window`.
    mutating func add(_ key: Key, window: Int?, context: PlanningContext) -> Int {
        let number = self.window.count
        numbers[key] = number
        let position = key.isManagement ? nil : context.clusterIndex[key.name]
        cluster.append(position)
        ring.append(position.flatMap { context.clusters[$0].ring?.name })
        self.window.append(window)
        return number
    }
}
