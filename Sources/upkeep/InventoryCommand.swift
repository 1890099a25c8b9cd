import ArgumentParser
import Foundation
import UpkeepKit

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Write the fleet from what the clusters report: exported files, read without network or credentials.",
        discussion: """
        Reads az aksarc show/list and nodepool list output, Azure Resource Graph results, Get-AksHciCluster and \
        Get-AksHciNodePool output (ConvertTo-Json) and kubectl version -o json, each recognised from its content. \
        With --fleet, only the observed facts of that fleet change, each where it is written; every other byte \
        stays, and one line per changed fact is printed. Without it, a new fleet is written with FILL-IN on every \
        field only the operator can decide. The fleet goes to -o, or to standard output (the lines then go to \
        standard error). Exit status: 0 written, 1 when an export or the fleet has an error (nothing is written).
        """
    )

    @Argument(help: "Exported files and folders (folders are read recursively: *.json).")
    var paths: [String]

    @Option(help: "The fleet to update (it is read, never written: name another file with -o).")
    var fleet: String?

    @Option(name: .shortAndLong, help: "Write the fleet to this file instead of standard output.")
    var output: String?

    func run() throws {
        PhaseClock.mark("start")
        let log = DiagnosticLog()
        // The fleet is parsed on another core while the exports are listed and read; the exports are listed
        // once, and the output is checked against the same files before anything is written.
        let fleetRead = fleet.map { FleetFileRead(path: $0) }
        let files = ObservedInventory.exportFiles(under: paths, log: log)
        if let output, let problem = OutputPathCheck.problem(output: output, inputFiles: files + (fleet.map { [$0] } ?? []), execution: .standard) {
            FileHandle.standardError.write(Data("upkeep: \(problem)\n".utf8))
            throw ExitCode(1)
        }
        PhaseClock.mark("list exports, check the output")
        let observed = ObservedInventory.read(exportFiles: files, log: log)
        PhaseClock.mark("read and join exports")
        let fleetDocument = fleetRead?.finish(log: log)
        PhaseClock.mark("wait for the fleet")
        guard log.errorCount == 0 else {
            FileHandle.standardError.write(Data(log.sorted.map { "\($0)\n" }.joined().utf8))
            throw ExitCode(1)
        }
        let report = output == nil ? FileHandle.standardError : FileHandle.standardOutput
        let text: [UInt8]
        if let fleetDocument {
            let result = FleetPatcher.apply(FleetDrift.compare(fleet: fleetDocument.document, observed: observed), to: fleetDocument.bytes)
            var lines = result.written.map(\.line)
            lines += result.notWritten.map { "\($0.change.line): not written — \($0.reason)" }
            if lines.isEmpty { lines = ["no observed fact differs from \(fleet ?? "the fleet")"] }
            lines += Self.stateWarnings(result.bytes, path: output ?? "(standard output)")
            report.write(Data(lines.map { "\($0)\n" }.joined().utf8))
            text = result.bytes
            PhaseClock.mark("compare and patch")
        } else {
            text = Array(NewFleetWriter.render(observed, sources: paths).utf8)
            report.write(Data("a new fleet of \(observed.clusters.count) clusters; fill in every \(NewFleetWriter.marker)\n".utf8))
            report.write(Data(Self.stateWarnings(text, path: output ?? "(standard output)").map { "\($0)\n" }.joined().utf8))
        }
        if let output {
            try OutputFile.write({ emit in try text.withUnsafeBufferPointer(emit) }, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text))
        }
        ProcessLifetime.keepUntilExit((observed, fleetDocument?.document, text))
        PhaseClock.mark("write")
    }

    /// The written fleet read back: a warning per pool in a state the platform cannot have (WrittenStateCheck).
    static func stateWarnings(_ bytes: [UInt8], path: String) -> [String] {
        let log = DiagnosticLog()
        guard let document = YAMLReader().read(bytes, path: path, log: log).first(where: { $0.root.mapping?["kind"]?.scalar?.text == "Fleet" }) else { return [] }
        return WrittenStateCheck.warnings(in: document)
    }
}
