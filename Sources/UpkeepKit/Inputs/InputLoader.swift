import Foundation

/// Finds the input files under the paths given, reads and decodes every document, and checks the
/// inputs against each other. Every problem goes to the log; nothing stops at the first one.
public struct InputLoader {
    public static let extensions: Set<String> = ["yaml", "yml", "json"]
    public var reader: YAMLReader
    /// Also hash every file (the plan lists its inputs with their SHA-256).
    public var computeDigests: Bool

    public init(limits: YAMLLimits = .standard, computeDigests: Bool = false) {
        reader = YAMLReader(limits: limits)
        self.computeDigests = computeDigests
    }

    public func load(paths: [String], log: DiagnosticLog) -> InputSet {
        var sources: [(path: String, bytes: [UInt8])] = []
        for path in InputLoader.files(under: paths, log: log) {
            guard let data = FileManager.default.contents(atPath: path) else {
                log.append(Diagnostic(.error, file: path, "the file cannot be read."))
                continue
            }
            sources.append((path, [UInt8](data)))
        }
        return load(sources: sources, log: log)
    }

    /// Reads files already in memory (sorted here by path), then checks them against each other.
    public func load(sources: [(path: String, bytes: [UInt8])], log: DiagnosticLog) -> InputSet {
        var inputs = InputSet()
        let digests = computeDigests ? FileDigests() : nil
        inputs.digests = digests
        for source in sources.sorted(by: { UTF8Order.precedes($0.path, $1.path) }) {
            inputs.files.append(source.path)
            digests?.add(path: source.path, bytes: source.bytes)
            read(source.bytes, path: source.path, into: &inputs, log: log)
        }
        inputs.advisories = AdvisoryMerge.merge(inputs.advisories, log: log)
        InputValidator.check(inputs, log: log)
        return inputs
    }

    /// Reads the documents of one file's bytes into `inputs` (without the cross-checks).
    public func read(_ bytes: [UInt8], path: String, into inputs: inout InputSet, log: DiagnosticLog) {
        let documents = reader.read(bytes, path: path, log: log)
        for document in documents {
            InputDocumentReader.read(document, into: &inputs, log: log)
        }
    }

    /// Every file named, and every `*.yaml`, `*.yml` and `*.json` under the folders named (hidden ones
    /// skipped), sorted by path with repeats removed. A path that does not exist is an error.
    /// `execution`: the folders right under a folder named are listed on every core (ten thousand exports in a
    /// folder each, for `upkeep inventory`).
    public static func files(under paths: [String], log: DiagnosticLog, execution: ExecutionOptions = .serial) -> [String] {
        var found = Set<String>()
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                log.append(Diagnostic(.error, file: path, "no such file or folder."))
                continue
            }
            guard isFolder.boolValue else {
                found.insert(path)
                continue
            }
            let base = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            walk(base, into: &found, execution: execution)
        }
        return found.sorted { UTF8Order.precedes($0, $1) }
    }

    /// Adds the input files under `folder` (hidden entries skipped; a symbolic link counts as what it points to,
    /// and a linked folder is not entered), reading each folder once: the kind of each entry comes with its
    /// name, so a folder of ten thousand exports costs no extra look at each file.
    private static func walk(_ folder: String, into found: inout Set<String>, execution: ExecutionOptions = .serial) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let full = folder + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            var isFile = Int32(entry.pointee.d_type) == Int32(DT_REG)
            if !isFolder && !isFile {
                // A link or a file system that does not say: look at what it is.
                var status = stat()
                guard stat(full, &status) == 0 else { continue }
                isFile = (status.st_mode & S_IFMT) == S_IFREG
                isFolder = Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) && (status.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                folders.append(full)
            } else if isFile, let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
                      extensions.contains(String(decoding: name.utf8[name.utf8.index(after: dot)...], as: UTF8.self).lowercased()) {
                found.insert(full)
            }
        }
        let children = folders
        let nested = execution.each(children.count, minimum: 64) { index -> [String] in
            var files = Set<String>()
            walk(children[index], into: &files)
            return Array(files)
        }
        for files in nested { found.formUnion(files) }
    }
}
