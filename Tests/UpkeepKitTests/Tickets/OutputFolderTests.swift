import Foundation
import Testing
@testable import UpkeepKit

/// A folder of tickets or per-subject calendars is written whole: the next run replaces it (no ticket of an
/// older plan stays behind), a folder Upkeep did not write is refused, and so is one that holds an input.
@Suite("Output folders")
struct OutputFolderTests {
    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-folder-\(UUID().uuidString)")
    }

    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func aSecondRunReplacesTheWholeFolder() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("tickets")
        let first = try ValidateCommandTests.upkeep(["tickets"] + TicketTests.inputs + ["--as-of", "2024-07-01", "-o", folder.path])
        #expect(first.status == 0, "\(first.output)")
        let firstNames = Self.names(in: folder)
        #expect(firstNames.contains(".upkeep-output") && firstNames.count > 5)
        // A later plan: the tickets of July are gone from the folder, not left beside the new ones.
        let second = try ValidateCommandTests.upkeep(["tickets"] + TicketTests.inputs + ["--as-of", "2024-10-01", "-o", folder.path])
        #expect(second.status == 0, "\(second.output)")
        let secondNames = Self.names(in: folder)
        let (inputs, _) = TestSupport.load(paths: TicketTests.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let events = MaintenanceEvent.events(of: Planner.plan(inputs: inputs, asOf: SupportFixtures.date("2024-10-01")))
        #expect(secondNames.count == events.count + 1)
        #expect(!secondNames.contains { $0.contains("20240701") || $0.contains("202407") })
        // Nothing is left beside the folder either.
        #expect(Self.names(in: root) == ["tickets"])
    }

    @Test func aFolderUpkeepDidNotWriteIsRefusedAndLeftAlone() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("my notes\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let run = try ValidateCommandTests.upkeep(["tickets"] + TicketTests.inputs + ["--as-of", "2024-07-01", "-o", folder.path])
        #expect(run.status == 1)
        #expect(run.output.contains("holds files Upkeep did not write"), "\(run.output)")
        #expect(run.output.split(separator: "\n").count == 1, "\(run.output)")
        #expect(Self.names(in: folder) == ["notes.txt"])
    }

    @Test func aFolderHoldingAnInputIsRefusedBeforeAnythingIsRead() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for input in ["Tests/UpkeepKitTests/Fixtures/sample-2024/fleet.yaml", "schedules/maintenance.yaml", "schedules/policy.yaml"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(input),
                                             to: folder.appendingPathComponent((input as NSString).lastPathComponent))
        }
        try Data("Written by upkeep tickets.\n".utf8).write(to: folder.appendingPathComponent(".upkeep-output"))
        let before = Self.names(in: folder)
        let run = try ValidateCommandTests.upkeep(["tickets", "releases", folder.path, "-o", folder.path])
        #expect(run.status == 1)
        #expect(run.output.contains("is inside it"), "\(run.output)")
        #expect(Self.names(in: folder) == before)
    }

    @Test func theCalendarsPerSubjectAreAFolderWrittenWhole() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("subjects")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for asOf in ["2024-07-01", "2024-10-01"] {
            let run = try ValidateCommandTests.upkeep(["calendar"] + TicketTests.inputs + ["--as-of", asOf, "-o", root.appendingPathComponent("all.ics").path,
                                                                                          "--per-subject", folder.path])
            #expect(run.status == 0, "\(run.output)")
        }
        #expect(Self.names(in: folder).contains(".upkeep-output"))
        #expect(Self.names(in: root) == ["all.ics", "subjects"])
    }

    @Test func fileNamesThatWouldLeaveTheFolderAreRefused() {
        #expect(!FileNames.staysInside("../x") && !FileNames.staysInside("..") && !FileNames.staysInside(".")
                && !FileNames.staysInside("") && !FileNames.staysInside("a/b"))
        #expect(FileNames.staysInside("payments-prod-1a2b3c4d-20240707T030000Z.md"))
    }
}
