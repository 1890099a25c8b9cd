import Testing
@testable import UpkeepKit

/// The platform updates the scheduler keeps per management cluster, and the release one runs at an instant.
@Suite("Platform placements")
struct PlatformPlacementsTests {
    @Test func theReleaseInEffectIsTheLatestUpdateEndedByThen() throws {
        let context = ScheduleTablesTests.context()
        let management = try #require(context.engine.inputs.managementClusters.first)
        let timeline = try #require(context.timeline(of: management))
        let releases = Array(timeline.releases.suffix(2))
        try #require(releases.count == 2)
        var platform = PlatformPlacements()
        platform.addSubject()
        platform.addSubject()
        platform.addUpdate(11, of: 1)
        platform.addUpdate(12, of: 1)
        #expect(platform.updates == [[], [11, 12]])
        let day = Instant(startOf: SupportFixtures.date("2024-08-01"))
        platform.place(PlatformPlacements.Placed(end: day.adding(minutes: 240), start: day, release: releases[0], step: 11), of: 1)
        platform.place(PlatformPlacements.Placed(end: day.adding(minutes: 7 * 1440 + 240), start: day.adding(minutes: 7 * 1440), release: releases[1], step: 12), of: 1)
        #expect(platform.release(of: 1, at: day) == nil)
        #expect(platform.release(of: 1, at: day.adding(minutes: 240))?.version == releases[0].version)
        #expect(platform.release(of: 1, at: day.adding(minutes: 30 * 1440))?.version == releases[1].version)
        #expect(platform.release(of: 0, at: day.adding(minutes: 30 * 1440)) == nil)
        #expect(platform.placed[1].map(\.step) == [11, 12])
    }
}
