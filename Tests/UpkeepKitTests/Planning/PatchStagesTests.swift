import Testing
@testable import UpkeepKit

/// Planning.md 3, "Patch upgrades": needs are taken in stages so that a patch out in time is not held back by one
/// that comes out later.
@Suite("Patch upgrade stages")
struct PatchStagesTests {
    static func need(_ minimum: String?, due: String?, _ reason: String) -> PatchNeed {
        PatchNeed(minimum: minimum.map(SupportFixtures.version), due: due.map(SupportFixtures.date), dueReason: reason, reason: reason, source: nil)
    }

    /// 1.31.6 out 2025-02-12, 1.31.12 out 2025-08-13.
    static func available(_ minimum: KubernetesVersion?) -> CalendarDate? {
        guard let minimum else { return SupportFixtures.date("2025-01-20") }
        if minimum <= SupportFixtures.version("1.31.6") { return SupportFixtures.date("2025-02-12") }
        if minimum <= SupportFixtures.version("1.31.12") { return SupportFixtures.date("2025-08-13") }
        return nil
    }

    @Test func aLaterPatchThatComesOutAfterAnEarlierDeadlineIsAStageOfItsOwn() {
        let stages = PatchStages.stages([Self.need("1.31.12", due: "2025-11-25", "late"), Self.need("1.31.6", due: "2025-05-14", "early")],
                                        available: Self.available)
        #expect(stages.map { $0.map(\.reason) } == [["early"], ["late"]])
    }

    @Test func needsWhosePatchesAreOutByTheFirstDeadlineShareOneStage() {
        let stages = PatchStages.stages([Self.need("1.31.6", due: "2025-11-25", "second"), Self.need(nil, due: "2025-05-14", "support"),
                                         Self.need("1.31.6", due: "2025-06-01", "first")], available: Self.available)
        #expect(stages.map { $0.map(\.reason) } == [["second", "support", "first"]])
    }

    @Test func aNeedDueBeforeItsPatchComesOutWaitsForItAndTakesWhatIsOutByThen() {
        // Due 2025-03-01, but 1.31.12 only comes out 2025-08-13: that stage runs when it can, with every need out by then.
        let stages = PatchStages.stages([Self.need("1.31.12", due: "2025-03-01", "urgent"), Self.need("1.31.6", due: "2025-12-01", "later")],
                                        available: Self.available)
        #expect(stages.map { $0.map(\.reason) } == [["urgent", "later"]])
    }

    @Test func aNeedNoPatchMeetsIsStillAStage() {
        let stages = PatchStages.stages([Self.need("1.31.99", due: "2025-03-01", "never")], available: Self.available)
        #expect(stages.map { $0.map(\.reason) } == [["never"]])
    }
}
