/// Planning.md 3, "Patch upgrades": the needs grouped into the patch upgrades that meet them.
///
/// One patch upgrade takes at least the highest patch any need asks for, so a need whose patch comes out late
/// would hold back one whose patch is out in time: a 1.31.5 cluster exposed to CVE-2025-0426 (fixed in 1.31.6,
/// out 2025-02-12, due 2025-05-14) and to CVE-2025-5187 (fixed in 1.31.12, out 2025-08-13) would wait for 1.31.12
/// and be late for the first. Needs are therefore taken in stages: the need due first, with every need whose patch
/// is out by then (its due date, or the day its own patch comes out when that is later); then the rest the same
/// way. Each stage is one patch upgrade; the stages run in order.
enum PatchStages {
    /// `available`: the first day a patch at or above the minimum is offered (nil: none within the search). Each
    /// stage keeps the needs in the order given.
    static func stages(_ needs: [PatchNeed], available: (KubernetesVersion?) -> CalendarDate?) -> [[PatchNeed]] {
        var remaining = Array(needs.indices)
        var stages: [[PatchNeed]] = []
        // `min(by:)` keeps the first of equal needs.
        while let first = remaining.min(by: { precedes(needs[$0], needs[$1]) }) {
            let by = [needs[first].due, available(needs[first].minimum)].compactMap { $0 }.max()
            // The first need always belongs to its own stage, even when its patch comes out after the horizon.
            let taken = remaining.filter { index in
                index == first || by.map { by in available(needs[index].minimum).map { $0 <= by } ?? false } ?? true
            }
            stages.append(taken.map { needs[$0] })
            remaining.removeAll { taken.contains($0) }
        }
        return stages
    }

    /// Earlier due first; a need with no due date last.
    private static func precedes(_ a: PatchNeed, _ b: PatchNeed) -> Bool {
        switch (a.due, b.due) {
        case (let x?, let y?): return x < y
        case (.some, nil): return true
        default: return false
        }
    }
}
