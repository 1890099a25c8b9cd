import Testing
@testable import UpkeepKit

/// The ring soak gates: a gate closes while its steps are unsettled, lets its waiters go when the last one
/// settles, and opens by ring and minor when a stuck step waits at it.
@Suite("Soak gates")
struct SoakGatesTests {
    @Test func theLastSettledMemberLetsTheWaitersGo() {
        let gate = SoakGates.Gate(ring: 0, minor: KubernetesMinor(major: 1, minor: 30))
        var gates = SoakGates()
        #expect(!gates.isClosed(gate))
        gates.join(gate)
        gates.join(gate)
        gates.wait(7, at: gate)
        gates.wait(9, at: gate)
        #expect(gates.isClosed(gate))
        let first = gates.settle(memberOf: gate)
        #expect(first.isEmpty && gates.isClosed(gate))
        let last = gates.settle(memberOf: gate)
        #expect(last == [7, 9] && !gates.isClosed(gate))
        // The waiters went once: nobody is left at the gate.
        let opened = gates.open(gatesHolding: [7, 9])
        #expect(opened.isEmpty)
    }

    @Test func stuckWaitersOpenTheirClosedGatesInRingAndMinorOrder() {
        let minor30 = KubernetesMinor(major: 1, minor: 30), minor31 = KubernetesMinor(major: 1, minor: 31)
        var gates = SoakGates()
        for gate in [SoakGates.Gate(ring: 1, minor: minor30), SoakGates.Gate(ring: 0, minor: minor31), SoakGates.Gate(ring: 0, minor: minor30)] {
            gates.join(gate)
        }
        gates.wait(1, at: SoakGates.Gate(ring: 1, minor: minor30))
        gates.wait(2, at: SoakGates.Gate(ring: 0, minor: minor31))
        gates.wait(3, at: SoakGates.Gate(ring: 0, minor: minor30))
        let opened = gates.open(gatesHolding: [1, 2])
        #expect(opened.map(\.gate) == [SoakGates.Gate(ring: 0, minor: minor31), SoakGates.Gate(ring: 1, minor: minor30)])
        #expect(opened.map(\.waiters) == [[2], [1]])
        // The gate no stuck step waits at stays as it was.
        let rest = gates.open(gatesHolding: [3])
        #expect(rest.map(\.waiters) == [[3]])
    }
}
