import ArgumentParser
import Foundation
import UpkeepKit

/// `upkeep feeds kubernetes PATH… [--from-minor 1.24] [-o FILE]` (what `make feeds` runs).
struct FeedsKubernetesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "The KubernetesReleases feed from the Kubernetes project's schedule.yaml and eol.yaml and endoflife.date's Kubernetes file.",
        discussion: "Exit status: 0 when written, 1 when a source is invalid or holds no Kubernetes release data."
    )

    @Argument(help: "The published files, or folders holding them.")
    var paths: [String]

    @Option(name: .customLong("from-minor"), help: "The oldest minor to list (default 1.24).")
    var fromMinor = "1.24"

    @Option(name: .shortAndLong, help: "The feed file to write (default: standard output).")
    var output: String?

    func run() throws {
        if let output, let problem = OutputPathCheck.problem(output: output, inputs: paths) {
            FileHandle.standardError.write(Data("upkeep: will not write \(output): \(problem) Nothing was read or written.\n".utf8))
            throw ExitCode(1)
        }
        guard let minor = KubernetesMinor(parsing: fromMinor) else {
            FileHandle.standardError.write(Data("upkeep: --from-minor \(fromMinor) is not a Kubernetes minor such as 1.24.\n".utf8))
            throw ExitCode(1)
        }
        let log = DiagnosticLog()
        // A JSON file cannot carry its `# Source:` line: a sibling FILE.source names where it was copied from, and
        // is put before it as a comment (which the YAML reader skips), as `feeds pull` does.
        let files = InputLoader.files(under: paths, log: log).compactMap { path -> (path: String, bytes: [UInt8])? in
            guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
            guard let provenance = FileManager.default.contents(atPath: path + ".source") else { return (path, [UInt8](bytes)) }
            let line = String(decoding: provenance, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            return (path, Array("# Source: \(line)\n".utf8) + [UInt8](bytes))
        }
        let result = KubernetesFeedGenerator.generate(files: files, fromMinor: minor, log: log)
        if !log.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(log.sorted.map { "\($0)\n" }.joined().utf8))
        }
        guard let result, log.errorCount == 0 else { throw ExitCode(1) }
        if let output {
            try OutputFile.write(result.text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(result.text.utf8))
        }
    }
}
