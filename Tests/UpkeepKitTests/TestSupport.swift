import Foundation
@testable import UpkeepKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root, found from this file's place in Tests/UpkeepKitTests.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/UpkeepKitTests/Fixtures")
    /// Published files (Kubernetes release data, endoflife.date, OSV records) copied as they are; see their README.
    static let publishedData = fixtures.appendingPathComponent("published")
    /// The Kubernetes project's and endoflife.date's published files that `make feeds` builds releases/kubernetes.yaml from.
    static let upstreamKubernetes = packageRoot.appendingPathComponent("upstream/kubernetes")
    /// The 2024 sample fleet (the examples' fleet before the demo moved to late 2025), which most end-to-end tests plan.
    static let examples = packageRoot.appendingPathComponent("Tests/UpkeepKitTests/Fixtures/sample-2024")

    /// Text output with each folded finding (a line starting `error ` or `warning ` after its indent, and the
    /// lines under it indented two more) back on one line, as it was before TextWrap folded it at 120 columns.
    static func unfolded(_ text: String) -> String {
        var lines: [String] = []
        var findingIndent: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if let base = findingIndent, indent == base + 2, !lines.isEmpty {
                lines[lines.count - 1] += " " + content
                continue
            }
            findingIndent = content.hasPrefix("error ") || content.hasPrefix("warning ") || content.hasPrefix("On ") ? indent : nil
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Reads YAML text as one file, returning the documents and the log.
    static func readYAML(_ text: String, path: String = "test.yaml", limits: YAMLLimits = .standard) -> ([YAMLDocument], DiagnosticLog) {
        let log = DiagnosticLog()
        let documents = YAMLReader(limits: limits).read(text, path: path, log: log)
        return (documents, log)
    }

    /// Loads in-memory files through the whole input pipeline (decode and cross-check).
    static func load(_ files: [String: String], strict: Bool = false) -> (InputSet, DiagnosticLog) {
        let log = DiagnosticLog(strict: strict)
        let sources = files.map { (path: $0.key, bytes: Array($0.value.utf8)) }
        return (InputLoader().load(sources: sources, log: log), log)
    }

    /// In-memory files and real files on disk, loaded together.
    static func load(_ files: [String: String], paths: [String]) -> (InputSet, DiagnosticLog) {
        let log = DiagnosticLog()
        var sources = files.map { (path: $0.key, bytes: Array($0.value.utf8)) }
        for path in InputLoader.files(under: paths, log: log) {
            if let data = FileManager.default.contents(atPath: path) { sources.append((path, [UInt8](data))) }
        }
        return (InputLoader().load(sources: sources, log: log), log)
    }

    static func load(paths: [String], strict: Bool = false) -> (InputSet, DiagnosticLog) {
        let log = DiagnosticLog(strict: strict)
        return (InputLoader().load(paths: paths, log: log), log)
    }

    /// Runs `python3` with these arguments (a tool of Tests/tools, or `-c` code), `input` on its standard
    /// input; its exit status and what it printed (standard output and error together).
    static func python(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The path of a tool in Tests/tools.
    static func tool(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/tools/\(name)").path
    }

    /// The rendered diagnostics, one per line.
    static func messages(_ log: DiagnosticLog) -> [String] {
        log.sorted.map(\.description)
    }
}
