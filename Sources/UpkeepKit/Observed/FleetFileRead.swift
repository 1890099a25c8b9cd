import Foundation

/// The fleet file `upkeep inventory --fleet` rewrites, read and parsed on another core from the moment it is
/// started, while the exports are listed and read: its first `Fleet` document and its bytes.
public struct FleetFileRead: Sendable {
    private let pending: BackgroundValue<(document: YAMLDocument?, bytes: [UInt8], diagnostics: [Diagnostic])>

    public init(path: String, execution: ExecutionOptions = .standard) {
        pending = execution.background {
            let log = DiagnosticLog()
            guard let data = FileManager.default.contents(atPath: path) else {
                return (nil, [], [Diagnostic(.error, file: path, "the fleet cannot be read.")])
            }
            let bytes = [UInt8](data)
            let documents = YAMLReader().read(bytes, path: path, log: log)
            let document = documents.first { $0.root.mapping?["kind"]?.scalar?.text == "Fleet" } ?? documents.first
            return (document, bytes, log.diagnostics)
        }
    }

    /// Waits for the read; its problems go to `log`. Nil when the file cannot be read or holds no document.
    public func finish(log: DiagnosticLog) -> (document: YAMLDocument, bytes: [UInt8])? {
        let read = pending.value
        for diagnostic in read.diagnostics { log.append(diagnostic) }
        return read.document.map { ($0, read.bytes) }
    }
}
