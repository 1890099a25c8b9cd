import Foundation
import Testing

/// The benchmark's generated inputs are valid inputs (`make bench` stops on the first error otherwise): a small
/// fleet from the same generator passes `upkeep validate`, and plans.
@Suite("The benchmark fleet")
struct BenchmarkFleetTests {
    @Test func theGeneratedFleetIsValidAndPlans() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bench = TestSupport.packageRoot.appendingPathComponent(".build/debug/upkeep-bench")
        let process = Process()
        process.executableURL = bench
        process.arguments = ["--work", folder.path, "--clusters", "60", "--generate-only"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let fleet = folder.appendingPathComponent("fleet-60").path
        let validate = try ValidateCommandTests.upkeep(["validate", fleet])
        #expect(validate.status == 0, "\(validate.output)")
        let plan = try ValidateCommandTests.upkeep(["plan", fleet, "--as-of", "2024-07-01", "--format", "json"])
        #expect([0, 3].contains(plan.status) && plan.output.contains("\"steps\""))
    }
}
