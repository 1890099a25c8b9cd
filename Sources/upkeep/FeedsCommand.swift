import ArgumentParser
import Foundation
import UpkeepKit

/// `upkeep feeds …`: Upkeep's own feeds made from what the vendors publish.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Make Upkeep's feeds from the files the vendors publish.",
        subcommands: [FeedsPullCommand.self, FeedsBundleCommand.self, KubernetesFeedCommand.self]
    )
}

/// `upkeep feeds kubernetes PATH… [--from-minor 1.24] [-o FILE]` (what `make feeds` runs).
struct KubernetesFeedCommand: ParsableCommand {
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

/// `upkeep feeds pull [--into DIR] [--from URL-or-DIR] [--only GROUP] [--dry-run]`.
struct FeedsPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Fetch what the vendors publish and write Upkeep's feeds from it: Kubernetes, advisories (OSV), AKS Arc.",
        discussion: """
            Sources are fetched from where they are published, from --from URL (each source below it under its bundle \
            name), or from a bundle folder made by `upkeep feeds bundle`, whose manifest must match. Each written file \
            names its sources; files are written only when their content changed, each replaced whole. A source that \
            fails, or a page whose shape changed, is one line on standard error and keeps its feeds as they are while \
            the others update. Exit status: 0 when every group was read, 1 when a source failed.
            """
    )

    @Option(help: "The feeds folder to write into (default: releases).")
    var into = "releases"

    @Option(name: .customLong("from"), help: "A base URL to fetch the sources below, or a bundle folder.")
    var from: String?

    @Option(help: "Only this group: kubernetes, advisories, aks-arc (aks-hybrid and node-images publish nothing to pull).")
    var only: String?

    @Flag(name: .customLong("dry-run"), help: "Say what would change without writing.")
    var dryRun = false

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Double = 30

    @Option(help: "Tries per source for network errors and 5xx answers (after 1 s, 2 s, …).")
    var tries = 3

    func run() throws {
        var groups = FeedSource.Group.allCases
        if let only {
            guard let group = FeedSource.Group(rawValue: only) else {
                let reason = ["aks-hybrid", "node-images"].contains(only)
                    ? "\(only) publishes no source Upkeep can read (see releases/README.md); edit its feed by hand"
                    : "\(only) is not a group (kubernetes, advisories, aks-arc)"
                FileHandle.standardError.write(Data("upkeep: feeds pull: \(reason).\n".utf8))
                throw ExitCode(1)
            }
            groups = [group]
        }
        let origin: FeedFetcher.Origin
        if let from {
            var isFolder: ObjCBool = false
            origin = FileManager.default.fileExists(atPath: from, isDirectory: &isFolder) && isFolder.boolValue ? .bundle(from) : .url(from)
        } else {
            origin = .published
        }
        let fetcher = FeedFetcher(origin: origin, timeout: timeout, tries: max(1, tries))
        let fetched = fetcher.fetch(FeedSource.all.filter { groups.contains($0.group) })
        var existing: [String: [UInt8]] = [:]
        let base = URL(fileURLWithPath: into)
        for path in ["kubernetes.yaml", "platform-aks-arc.yaml"] {
            existing[path] = FileManager.default.contents(atPath: base.appendingPathComponent(path).path).map { [UInt8]($0) }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("advisories").path)) ?? [] where name.hasSuffix(".json") {
            existing["advisories/\(name)"] = FileManager.default.contents(atPath: base.appendingPathComponent("advisories/\(name)").path).map { [UInt8]($0) }
        }
        let pull = FeedPull(groups: groups, contents: fetched.contents, provenance: fetched.provenance, existing: existing)
        let problems = fetched.problems + pull.problems
        if !problems.isEmpty { FileHandle.standardError.write(Data(problems.map { "upkeep: feeds pull: \($0)\n" }.joined().utf8)) }
        var lines = pull.summary
        if !dryRun {
            for output in pull.outputs where output.changed {
                let path = base.appendingPathComponent(output.path).path
                try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try OutputFile.write({ emit in try output.bytes.withUnsafeBufferPointer(emit) }, to: path)
            }
        } else {
            lines = lines.map { "would be " + $0 }
        }
        FileHandle.standardOutput.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

/// `upkeep feeds bundle -o DIR [--from URL]`: the published sources and their manifest, for a machine with no network.
struct FeedsBundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Fetch the published sources into a folder with a manifest of their SHA-256, for `feeds pull --from` offline.",
        discussion: "The folder is written whole. Exit status: 0 when every source was fetched, 1 otherwise (nothing is written)."
    )

    @Option(name: .shortAndLong, help: "The bundle folder to write.")
    var output: String

    @Option(name: .customLong("from"), help: "A base URL to fetch the sources below, instead of where they are published.")
    var from: String?

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Double = 30

    func run() throws {
        let fetcher = FeedFetcher(origin: from.map { .url($0) } ?? .published, timeout: timeout)
        let fetched = fetcher.fetch(FeedSource.all)
        guard fetched.problems.isEmpty else {
            FileHandle.standardError.write(Data(fetched.problems.map { "upkeep: feeds bundle: \($0)\n" }.joined().utf8))
            throw ExitCode(1)
        }
        let files = FeedSource.all.compactMap { source in fetched.contents[source.name].map { (name: source.name, bytes: $0) } }
        try OutputFolder.write(to: output, command: "feeds bundle") { folder in
            for file in files { folder.add(file.name, file.bytes) }
            folder.add(FeedBundle.manifestName, Array(FeedBundle.manifest(files).utf8))
        }
        FileHandle.standardOutput.write(Data("\(files.count) sources and their manifest written to \(output)\n".utf8))
    }
}
