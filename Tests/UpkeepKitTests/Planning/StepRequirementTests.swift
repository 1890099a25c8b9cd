import Testing
@testable import UpkeepKit

/// A step's requirement (what it must achieve, fixed once made) and its placement (where the scheduler put it).
@Suite("Step requirement and placement")
struct StepRequirementTests {
    static func draft() -> StepDraft {
        var draft = StepDraft(kind: .nodeImageUpdate, cluster: "payments-prod", management: "mgmt-east", pool: "win", sequence: 3,
                              ringIndex: 1, from: "20348.2582.240710", estimatedMinutes: 90)
        draft.to = "20348.2655.240810"
        draft.predecessors = [4, 5]
        draft.blockedReason = "cluster payments-prod is stopped"
        draft.addReason("node image: due", from: nil)
        return draft
    }

    @Test func aRequirementReadsAsItsDraftWithItsOwnPredecessors() {
        let requirement = StepRequirement(Self.draft())
        #expect(requirement.kind == .nodeImageUpdate && requirement.cluster == "payments-prod" && requirement.pool == "win")
        #expect(requirement.estimatedMinutes == 90 && requirement.reasons == ["node image: due"] && requirement.predecessors == [4, 5])
        let chained = StepRequirement(Self.draft(), predecessors: [9])
        #expect(chained.predecessors == [9] && chained.draft.predecessors == [4, 5])
    }

    @Test func aPlacementStartsFromItsRequirementsTextsAndReason() {
        let requirement = StepRequirement(Self.draft())
        var placement = StepPlacement(requirement)
        #expect(placement.from == "20348.2582.240710" && placement.to == "20348.2655.240810")
        #expect(placement.blockedReason == "cluster payments-prod is stopped" && placement.status == .scheduled && !placement.placed)
        placement.start = Instant(startOf: SupportFixtures.date("2024-08-03"))
        placement.to = "changed"
        #expect(placement.placed && requirement.to == "20348.2655.240810", "placing changes the placement only")
    }
}
