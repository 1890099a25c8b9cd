import Testing
@testable import UpkeepKit

/// The placement loop's bookkeeping: a step is ready once every step and gate it waits for is settled.
@Suite("Step readiness")
struct StepReadinessTests {
    @Test func aStepIsReadyOnceEverythingItWaitsForIsReleased() {
        var readiness = StepReadiness()
        readiness.grow(to: 3)
        #expect(readiness.count == 3 && (0..<3).allSatisfy { readiness.isReady($0) && !readiness.isSettled($0) })
        readiness.link(2, after: 0)
        readiness.link(2, after: 1)
        readiness.hold(2)  // a soak gate
        #expect(!readiness.isReady(2) && readiness.successors[0] == [2] && readiness.successors[1] == [2])
        #expect(!readiness.release(2) && !readiness.release(2))
        #expect(readiness.release(2) && readiness.isReady(2))
    }

    @Test func growingKeepsWhatIsSettledAndAddsUnsettledSteps() {
        var readiness = StepReadiness()
        readiness.grow(to: 2)
        readiness.settle(1)
        readiness.link(0, after: 1)
        readiness.grow(to: 4)
        readiness.grow(to: 3)  // never shrinks
        #expect(readiness.count == 4 && readiness.isSettled(1) && !readiness.isSettled(0) && !readiness.isSettled(3))
        #expect(readiness.pending == [1, 0, 0, 0] && readiness.successors == [[], [0], [], []])
    }
}
