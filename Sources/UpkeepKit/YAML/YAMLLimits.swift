/// Bounds that keep a hostile or broken input from taking the program's time or memory (inputs.md).
public struct YAMLLimits: Sendable {
    public var maximumFileBytes: Int
    public var maximumDepth: Int
    /// Nodes that aliases may add to one document when expanded.
    public var maximumAliasExpansion: Int

    public init(maximumFileBytes: Int = 64 * 1024 * 1024, maximumDepth: Int = 64, maximumAliasExpansion: Int = 1_000_000) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumDepth = maximumDepth
        self.maximumAliasExpansion = maximumAliasExpansion
    }

    public static let standard = YAMLLimits()
}
