import ArgumentParser
import Foundation
import UpkeepKit

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
