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

    /// The number of a subject, numbering it when new (`isNew`); `windowNumber` numbers its window.
    mutating func number(_ key: Key, context: PlanningContext, windowNumber: (String) -> Int?) -> (number: Int, isNew: Bool) {
        if let known = numbers[key] { return (known, false) }
        let number = window.count
        numbers[key] = number
        let position = key.isManagement ? nil : context.clusterIndex[key.name]
        cluster.append(position)
        ring.append(position.flatMap { context.clusters[$0].ring?.name })
        let name = key.isManagement ? context.engine.managementClusters[key.name]?.window?.name : position.flatMap { context.clusters[$0].window?.name }
        window.append(name.flatMap(windowNumber))
        return (number, true)
    }
}
