import Testing
@testable import UpkeepKit

/// planning.md section 5: window occurrences in their IANA time zones.
@Suite("Window occurrences (planning.md 5)")
struct WindowCalendarTests {
    typealias F = SupportFixtures

    static func calendar(_ recurrence: MaintenanceWindow.Recurrence, zone: String = "Europe/Berlin", start: Int = 60, hours: Int = 5) -> WindowCalendar? {
        WindowCalendar(MaintenanceWindow(name: "w", timeZone: zone, recurrence: recurrence, startMinute: start, duration: .hours(hours),
                                         maxParallel: nil, position: SourcePosition(path: "s.yaml", line: 1, column: 1)))
    }

    @Test func windowOnEuropeBerlinKeepsItsLocalStartAcrossTheMarchChange() throws {
        let calendar = try #require(Self.calendar(.weekly(days: [.saturday], everyWeeks: 1)))
        let starts = calendar.occurrences(from: F.date("2024-03-23"), to: F.date("2024-04-06")).map(\.start.description)
        // 01:00 CET is 00:00Z; after 2024-03-31, 01:00 CEST is 23:00Z the evening before.
        #expect(starts == ["2024-03-23T00:00:00Z", "2024-03-30T00:00:00Z", "2024-04-05T23:00:00Z"])
    }

    @Test func windowOnEuropeBerlinKeepsItsLocalStartAcrossTheOctoberChange() throws {
        let calendar = try #require(Self.calendar(.weekly(days: [.saturday], everyWeeks: 1)))
        let occurrences = calendar.occurrences(from: F.date("2024-10-19"), to: F.date("2024-11-02"))
        #expect(occurrences.map(\.start.description) == ["2024-10-18T23:00:00Z", "2024-10-25T23:00:00Z", "2024-11-02T00:00:00Z"])
        #expect(occurrences.allSatisfy { $0.durationMinutes == 300 })
    }

    @Test func startInADaylightSavingGapMovesToTheFirstValidInstant() throws {
        // 02:30 does not exist in Berlin on 2024-03-31: the clocks jump from 02:00 to 03:00 (01:00Z).
        let calendar = try #require(Self.calendar(.weekly(days: [.sunday], everyWeeks: 1), start: 150, hours: 2))
        let starts = calendar.occurrences(from: F.date("2024-03-24"), to: F.date("2024-04-07")).map(\.start.description)
        #expect(starts == ["2024-03-24T01:30:00Z", "2024-03-31T01:00:00Z", "2024-04-07T00:30:00Z"])
    }

    @Test func everyWeeksCountsFromTheWeekOf19700105() throws {
        let calendar = try #require(Self.calendar(.weekly(days: [.monday], everyWeeks: 2), zone: "UTC"))
        // 1970-01-05 is week 0; 2024-01-01 is 2817 weeks later (odd), so the window runs on 2024-01-08.
        let dates = calendar.occurrences(from: F.date("2024-01-01"), to: F.date("2024-01-31")).map { $0.start.utcDate.description }
        #expect(dates == ["2024-01-08", "2024-01-22"])
    }

    @Test func monthlyByWeekdayFindsTheSecondAndTheLastTuesday() throws {
        let second = try #require(Self.calendar(.monthlyByWeekday(week: .second, day: .tuesday), zone: "America/New_York", start: 18 * 60, hours: 6))
        let occurrences = second.occurrences(from: F.date("2024-03-01"), to: F.date("2024-04-30"))
        // 18:00 EDT on 2024-03-12 (after the US change on 03-10) is 22:00Z; 2024-04-09 likewise.
        #expect(occurrences.map(\.start.description) == ["2024-03-12T22:00:00Z", "2024-04-09T22:00:00Z"])
        let last = try #require(Self.calendar(.monthlyByWeekday(week: .last, day: .tuesday), zone: "UTC"))
        #expect(last.occurrences(from: F.date("2024-04-01"), to: F.date("2024-04-30")).map { $0.start.utcDate.description } == ["2024-04-30"])
    }

    @Test func dayOfMonthAMonthLacksIsSkipped() throws {
        let calendar = try #require(Self.calendar(.monthlyByDate(dayOfMonth: 31), zone: "UTC"))
        let dates = calendar.occurrences(from: F.date("2024-01-01"), to: F.date("2024-05-31")).map { $0.start.utcDate.description }
        #expect(dates == ["2024-01-31", "2024-03-31", "2024-05-31"])
    }
}
