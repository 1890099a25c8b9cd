import Foundation
import Testing

/// Runs the built `upkeep` binary (make test builds it first).
@Suite("upkeep validate, end to end")
struct ValidateCommandTests {
    struct Run {
        var status: Int32
        var output: String
    }

    /// Runs the built binary in the package folder; `environment` adds to (or replaces in) the test's own.
    static func upkeep(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = TestSupport.packageRoot.appendingPathComponent(".build/debug/upkeep")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = TestSupport.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// The YAML and JSON files under the given folders of the package, counted independently of the loader.
    static func inputFileCount(_ folders: [String]) -> Int {
        folders.reduce(0) { total, folder in
            let root = TestSupport.packageRoot.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(atPath: root.path)?.allObjects.compactMap { $0 as? String } ?? []
            return total + files.count { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
        }
    }

    @Test func shippedFeedsSchedulesAndSampleFleetAreValid() throws {
        let run = try Self.upkeep(["validate", "releases", "schedules", "examples/fleet.yaml"])
        #expect(run.status == 0)
        let count = Self.inputFileCount(["releases", "schedules"]) + 1
        #expect(count >= 14)
        #expect(run.output == "\(count) files, \(count) documents: 0 errors, 0 warnings.\n")
    }

    @Test func realPublishedDataLoads() throws {
        let run = try Self.upkeep(["validate", "Tests/UpkeepKitTests/Fixtures/published", "upstream"])
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("9 files, 9 documents: 0 errors, 3 warnings.\n"), "\(run.output)")
    }

    @Test func pathsInReverseOrderGiveByteIdenticalOutput() throws {
        let folder = "Tests/UpkeepKitTests/Fixtures/diagnostics"
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.packageRoot.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        let forward = try Self.upkeep(["validate", "releases", "Tests/UpkeepKitTests/Fixtures/sample-2024"] + names)
        let backward = try Self.upkeep(["validate"] + names.reversed() + ["Tests/UpkeepKitTests/Fixtures/sample-2024", "releases"])
        #expect(forward.status == 1 && backward.status == 1)
        #expect(forward.output == backward.output)
        #expect(forward.output.split(separator: "\n").count > 30)
        #expect(forward.output.contains("Tests/UpkeepKitTests/Fixtures/sample-2024/fleet.yaml:13:5: error: management cluster \"mgmt-east\" is defined twice"))
    }

    @Test func strictTurnsUnknownKeysIntoErrors() throws {
        let path = "Tests/UpkeepKitTests/Fixtures/diagnostics/unknown-key.yaml"
        #expect(try Self.upkeep(["validate", path]).status == 0)
        let strict = try Self.upkeep(["validate", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.output.contains("error: unknown key \"notes\""))
    }

    @Test func missingPathIsAnError() throws {
        let run = try Self.upkeep(["validate", "no/such/place.yaml"])
        #expect(run.status == 1)
        #expect(run.output == "no/such/place.yaml: error: no such file or folder.\n0 files, 0 documents: 1 error, 0 warnings.\n")
    }
}
