import Foundation
import Testing
@testable import UpkeepKit

/// Every `-o` is written beside its destination and renamed into place: a run that is killed or fails leaves
/// the previous output as it was, an input is never an output, and an unwritable path is one line and exit 1.
@Suite("Safe writes")
struct SafeWriteTests {
    static let inputs = ["releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-11-03"]

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Killed at 25 different moments, a plan run leaves either the previous file or the whole new plan.
    @Test func aKilledRunLeavesThePreviousOutputOrTheWholeNewOne() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("plan.json")
        let fresh = try ValidateCommandTests.upkeep(["plan"] + Self.inputs + ["--format", "json"])
        let previous = Data("previous plan\n".utf8)
        var killedBeforeTheEnd = 0
        for attempt in 0..<25 {
            try previous.write(to: output)
            let process = Process()
            process.executableURL = TestSupport.packageRoot.appendingPathComponent(".build/debug/upkeep")
            process.arguments = ["plan"] + Self.inputs + ["--format", "json", "-o", output.path]
            process.currentDirectoryURL = TestSupport.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(attempt * 4_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedBeforeTheEnd += 1 }
            let left = try Data(contentsOf: output)
            #expect(left == previous || left == Data(fresh.output.utf8), "attempt \(attempt): a partial file was left (\(left.count) bytes)")
        }
        #expect(killedBeforeTheEnd > 0)
    }

    @Test func aRunThatFailsLeavesThePreviousOutputUntouched() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("plan.txt")
        try Data("previous\n".utf8).write(to: output)
        let broken = folder.appendingPathComponent("broken.yaml")
        try Data("apiVersion: upkeep/v1\nkind: Fleet\nname: [\n".utf8).write(to: broken)
        let run = try ValidateCommandTests.upkeep(["plan", "releases", "schedules", broken.path, "-o", output.path])
        #expect(run.status == 1)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["broken.yaml", "plan.txt"])
    }

    @Test(arguments: [["plan", "--format", "json"], ["calendar"], ["report"], ["tickets"]])
    func anUnwritablePathIsOneLineAndExitOne(_ command: [String]) throws {
        // Root may write anywhere on a normal file system: a folder under /proc, which no one may create, is
        // unwritable for root as well.
        let run = try ValidateCommandTests.upkeep([command[0]] + Self.inputs + Array(command.dropFirst()) + ["-o", "/proc/upkeep-cannot-write/out"])
        #expect(run.status == 1, "\(run.output)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("upkeep: cannot write /proc/upkeep-cannot-write/out"), "\(run.output)")
        #expect(!run.output.contains("Fatal error") && !run.output.contains("Stack dump"))
    }

    @Test(arguments: ["plan", "calendar", "report"])
    func anInputIsNeverAnOutput(_ command: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fleet = folder.appendingPathComponent("fleet.yaml")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("examples/fleet.yaml"), to: fleet)
        let before = try Data(contentsOf: fleet)
        let run = try ValidateCommandTests.upkeep([command, "releases", "schedules", fleet.path, "-o", fleet.path])
        #expect(run.status == 1 && run.output.contains("is one of the inputs"), "\(run.output)")
        #expect(try Data(contentsOf: fleet) == before)
    }
}
