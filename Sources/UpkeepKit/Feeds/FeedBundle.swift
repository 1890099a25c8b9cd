/// An offline bundle of the published sources (`upkeep feeds bundle`): a folder with one file per source under
/// its name and a `MANIFEST` of their SHA-256 digests, which `feeds pull --from` checks before using any of it.
public enum FeedBundle {
    public static let manifestName = "MANIFEST"

    /// `SHA256  name` per file, sorted by name.
    public static func manifest(_ files: [(name: String, bytes: [UInt8])]) -> String {
        let lines = files.sorted { UTF8Order.precedes($0.name, $1.name) }.map { "\(SHA256.hex($0.bytes))  \($0.name)" }
        return "# upkeep feeds bundle: the SHA-256 of each source file\n" + lines.joined(separator: "\n") + "\n"
    }

    /// What does not match: a listed file missing or changed, a file not listed, a manifest that does not read.
    public static func problems(manifest: String, files: [String: [UInt8]]) -> [String] {
        var listed: [String: String] = [:]
        var problems: [String] = []
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64 else { problems.append("the manifest line \"\(line.prefix(80))\" is not `SHA256  name`"); continue }
            listed[parts[1].trimmingSpaces] = String(parts[0])
        }
        for name in listed.keys.sorted(by: UTF8Order.precedes) {
            guard let bytes = files[name] else { problems.append("\(name) is listed but missing"); continue }
            if SHA256.hex(bytes) != listed[name] { problems.append("\(name) does not match its digest") }
        }
        for name in files.keys.sorted(by: UTF8Order.precedes) where listed[name] == nil {
            problems.append("\(name) is not listed")
        }
        return problems
    }
}
