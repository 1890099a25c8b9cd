import Foundation
import Testing
@testable import UpkeepKit

/// The fuzz targets' committed inputs, replayed without libFuzzer: every seed, and every input a fuzzer once
/// crashed on (`Fuzz/regressions/TARGET/`), must come back.
@Suite("Fuzz seeds and regressions")
struct FuzzRegressionTests {
    static let fuzz = TestSupport.packageRoot.appendingPathComponent("Fuzz")

    static func files(_ folder: String, _ target: String) -> [URL] {
        let url = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            .map { url.appendingPathComponent($0) }
    }

    @Test(arguments: ["yaml", "inputs", "plan", "observed"])
    func everySeedAndRegressionComesBack(_ target: String) throws {
        let inputs = Self.files("seeds", target) + Self.files("regressions", target)
        #expect(Self.files("seeds", target).count >= 2)
        for file in inputs {
            let bytes = [UInt8](try Data(contentsOf: file))
            switch target {
            case "yaml": FuzzHarness.yaml(bytes)
            case "inputs": FuzzHarness.inputs(bytes)
            case "observed": FuzzHarness.observed(bytes)
            default: FuzzHarness.plan(bytes)
            }
        }
    }

    /// The planning target starts from fleets that plan: otherwise it would fuzz validation only.
    @Test func thePlanningSeedsAreValidFleetsThatGetSteps() throws {
        var steps = 0
        for file in Self.files("seeds", "plan") {
            var sources = FuzzHarness.fixedInputs.map { (path: $0.path, bytes: Array($0.text.utf8)) }
            sources.append((path: "fleet.yaml", bytes: [UInt8](try Data(contentsOf: file))))
            let log = DiagnosticLog()
            let inputs = InputLoader().load(sources: sources, log: log)
            #expect(ValidationReport(inputs: inputs, log: log).isValid, "\(file.lastPathComponent): \(TestSupport.messages(log))")
            let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-07-01"), horizon: .days(120))
            steps += plan.steps.count
        }
        #expect(steps > 0)
    }

    @Test func filesAreCutAtEachFFByte() {
        let parts = FuzzHarness.files([0x61, 0xFF, 0x62, 0xFF, 0xFF, 0x63, 0xFF, 0x64], names: ["a", "b", "c", "d"])
        #expect(parts.map(\.path) == ["a", "b", "c", "d"])
        #expect(parts.map(\.bytes) == [[0x61], [0x62], [], [0x63, 0xFF, 0x64]])
    }
}
