import ArgumentParser
import Foundation
import UpkeepKit

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
