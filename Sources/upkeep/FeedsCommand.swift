import ArgumentParser

/// `upkeep feeds …`: Upkeep's own feeds made from what the vendors publish.
struct FeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Make Upkeep's feeds from the files the vendors publish.",
        subcommands: [FeedsPullCommand.self, FeedsBundleCommand.self, FeedsKubernetesCommand.self]
    )
}
