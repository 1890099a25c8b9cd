import Testing
@testable import UpkeepKit

/// Issue 31: `status` leads with its summary (counts by verdict) and the next support ends with their days, soonest
/// first, among what is still supported.
@Suite("status: the summary first")
struct StatusSummaryFirstTests {
    @Test func theSummaryAndTheNextEndsComeFirstSoonestFirst() throws {
        let run = try ValidateCommandTests.upkeep(["status", "releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024", "--as-of", "2024-07-01"])
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count > 4 && lines[2].hasPrefix("Status: ") && lines.contains { $0.hasPrefix("Next support ends: ") })
        let first = try #require(lines.firstIndex { $0.hasPrefix("Management cluster ") })
        #expect(lines.firstIndex { $0.hasPrefix("Next support ends: ") }.map { $0 < first } == true)
        // The days named, in order, all on or after the day asked.
        let next = lines.drop { !$0.hasPrefix("Next support ends: ") }.prefix { !$0.isEmpty }.joined(separator: " ")
        let days = next.components(separatedBy: " on ").dropFirst().map { String($0.prefix(10)) }.filter { CalendarDate(parsing: $0) != nil }
        #expect(days.count >= 3 && days.allSatisfy { $0 >= "2024-07-01" }, "\(next)")
        #expect(next.hasPrefix("Next support ends: node pool default of cluster store-edge on 2024-07-02"), "\(next)")
    }
}
