import Testing
@testable import UpkeepKit

/// A plan horizon is days, weeks or calendar months (planning.md, "Time").
@Suite("Plan horizons")
struct HorizonTests {
    @Test func horizon_monthsAreCalendarMonths() throws {
        let start = try #require(CalendarDate(parsing: "2026-12-07"))
        #expect(Horizon(parsing: "6m")?.end(from: start).description == "2027-06-07")
        #expect(Horizon(parsing: "6mo")?.end(from: start).description == "2027-06-07")
        #expect(Horizon(parsing: "6m")?.end(from: try #require(CalendarDate(parsing: "2026-08-31"))).description == "2027-02-28")
        #expect(Horizon(parsing: "26w")?.end(from: start).description == "2027-06-07")
        #expect(Horizon(parsing: "180d")?.end(from: start).description == "2027-06-05")
    }

    @Test func horizon_minutesHoursAndNonsenseAreRefused() {
        for text in ["6h", "45", "0d", "-3d", "6 months", "m", "1000000d", "3y", "6M"] { #expect(Horizon(parsing: text) == nil, "\(text)") }
    }

    @Test func horizon_inThePolicyTakesMonths() {
        let (inputs, log) = TestSupport.load(["policy.yaml": "apiVersion: upkeep/v1\nkind: UpgradePolicy\nhorizon: 6m\n"])
        #expect(log.errorCount == 0)
        #expect(inputs.policy.horizon == .months(6))
    }
}
