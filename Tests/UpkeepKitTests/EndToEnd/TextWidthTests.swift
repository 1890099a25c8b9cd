import Testing

/// Issue 31: the text outputs fit a terminal of 120 columns — plan and status, on the messy fleet and the examples
/// (long findings fold at spaces, continuation lines indented).
@Suite("Text outputs fit 120 columns")
struct TextWidthTests {
    @Test(arguments: [("plan", ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026"], "2026-12-07"),
                      ("status", ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026"], "2026-12-07"),
                      ("plan", ["releases", "schedules", "examples/fleet.yaml"], "2025-11-17"),
                      ("status", ["releases", "schedules", "examples/fleet.yaml"], "2025-11-17")])
    func noLineIsWiderThan120Columns(_ command: String, _ paths: [String], _ asOf: String) throws {
        let run = try ValidateCommandTests.upkeep([command] + paths + ["--as-of", asOf])
        let wide = run.output.split(separator: "\n").filter { $0.count > 120 }
        #expect(run.output.count > 1000 && wide.isEmpty, "\(wide.prefix(3))")
    }
}
