/// Planning.md 6: every step's stable id — its subject, its kind and its target — with `-2`, `-3`… on an
/// id that repeats (in the order the steps were made).
enum StepIDs {
    /// Numbers the ids that repeat, in place. `hashes` are the ids' hash values (worked out beforehand, on
    /// every core): only ids whose hash repeats are compared as text.
    static func numberRepeats(_ ids: inout [String], hashes: [Int]) {
        var firstWithHash: [Int: Int] = [:]
        firstWithHash.reserveCapacity(ids.count)
        var repeatedHashes = Set<Int>()
        for (index, hash) in hashes.enumerated() where firstWithHash.updateValue(index, forKey: hash) != nil {
            repeatedHashes.insert(hash)
        }
        guard !repeatedHashes.isEmpty else { return }
        var seen: [String: Int] = [:]
        for index in ids.indices where repeatedHashes.contains(hashes[index]) {
            let count = (seen[ids[index]] ?? 0) + 1
            seen[ids[index]] = count
            if count > 1 { ids[index] += "-\(count)" }
        }
    }

    /// `payments-prod/kubernetes/1.27.9`, `payments-prod/pool/win/image/20348.2582.240710`,
    /// `mgmt-east/platform/1.0.24.10106`, `mgmt-east/certificates/2024-09-14` (the day the certificates it renews expire), before repeats are numbered.
    static func id(of index: Int, in schedule: Schedule) -> String {
        // The placement's fields are read where they are (a copy of it would cost more than the id).
        let step = schedule.requirements[index]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
        switch step.kind {
        case .platformUpdate: add(step.management ?? ""); add("/platform/"); add(schedule.placements[index].to)
        // The day the certificates it renews expire, whether it is placed or not (its slot may move).
        case .certificateRotation: add(step.management ?? ""); add("/certificates/"); add(schedule.placements[index].from)
        case .kubernetesUpgrade: add(step.cluster ?? ""); add("/kubernetes/"); add(schedule.placements[index].to)
        case .nodePoolUpgrade: add(step.cluster ?? ""); add("/pool/"); add(step.pool ?? ""); add("/kubernetes/"); add(schedule.placements[index].to)
        case .nodeImageUpdate: add(step.cluster ?? ""); add("/pool/"); add(step.pool ?? ""); add("/image/"); add(schedule.placements[index].to)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
