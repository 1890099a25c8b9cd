import Testing
@testable import UpkeepKit

@Suite("Step ids")
struct StepIDTests {
    /// The second and third step with the same id get -2 and -3, in draft order.
    @Test func repeatedIDsAreNumberedInDraftOrder() {
        var ids = ["a/kubernetes/1.29.4", "b/kubernetes/1.29.4", "a/kubernetes/1.29.4", "a/kubernetes/1.29.4", "b/kubernetes/1.29.4", "c/platform/1.0"]
        let expected = ["a/kubernetes/1.29.4", "b/kubernetes/1.29.4", "a/kubernetes/1.29.4-2", "a/kubernetes/1.29.4-3", "b/kubernetes/1.29.4-2", "c/platform/1.0"]
        var byHash = ids
        StepIDs.numberRepeats(&byHash, hashes: ids.map(\.hashValue))
        #expect(byHash == expected)
        // Every id in one hash bucket (as if all collided): the text decides.
        StepIDs.numberRepeats(&ids, hashes: ids.map { _ in 7 })
        #expect(ids == expected)
    }
}
