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
    /// `mgmt-east/platform/1.0.24.10106`, `mgmt-east/certificates/2024-09-14` (before repeats are numbered).
    static func id(of draft: StepDraft) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80)
        func add(_ text: String) { bytes.append(contentsOf: text.utf8) }
        switch draft.kind {
        case .platformUpdate: add(draft.management ?? ""); add("/platform/"); add(draft.to)
        case .certificateRotation: add(draft.management ?? ""); add("/certificates/"); add(draft.start?.utcDate.description ?? draft.from)
        case .kubernetesUpgrade: add(draft.cluster ?? ""); add("/kubernetes/"); add(draft.to)
        case .nodePoolUpgrade: add(draft.cluster ?? ""); add("/pool/"); add(draft.pool ?? ""); add("/kubernetes/"); add(draft.to)
        case .nodeImageUpdate: add(draft.cluster ?? ""); add("/pool/"); add(draft.pool ?? ""); add("/image/"); add(draft.to)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
