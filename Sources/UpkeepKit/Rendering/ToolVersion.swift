/// Upkeep's version: what `upkeep --version` prints and what SARIF names as the tool's version.
public enum ToolVersion {
    public static let current = "0.1.0"
}
