import Testing
@testable import UpkeepKit

/// When each ring's placed steps end, which a later ring soaks behind: the latest end per exact version and per minor.
@Suite("Soak ends")
struct SoakEndsTests {
    @Test func theLatestEndPerVersionAndPerMinorIsKept() throws {
        let v1 = try #require(KubernetesVersion(parsing: "1.30.4")), v2 = try #require(KubernetesVersion(parsing: "1.30.9"))
        let early = Instant(startOf: SupportFixtures.date("2024-07-01")), late = early.adding(minutes: 600)
        var ends = SoakEnds()
        ends.record(ring: 0, version: v1, end: late, step: 1)
        ends.record(ring: 0, version: v1, end: early, step: 2)  // earlier: kept out
        ends.record(ring: 0, version: v2, end: early, step: 3)
        #expect(ends.latest(ring: 0, version: v1).map { $0.end == late && $0.step == 1 } == true)
        #expect(ends.latest(ring: 0, version: v2).map { $0.end == early && $0.step == 3 } == true)
        #expect(ends.latest(ring: 0, minor: v1.minorVersion).map { $0.end == late && $0.step == 1 } == true)
        // Another ring, another minor: nothing.
        #expect(ends.latest(ring: 1, version: v1) == nil)
        #expect(ends.latest(ring: 0, minor: KubernetesMinor(major: 1, minor: 31)) == nil)
    }
}
