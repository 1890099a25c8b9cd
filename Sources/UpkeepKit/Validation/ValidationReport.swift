/// What `upkeep validate` prints: every diagnostic in order and a closing count.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var fileCount: Int
    public var documentCount: Int

    public init(inputs: InputSet, log: DiagnosticLog) {
        diagnostics = log.sorted
        fileCount = inputs.files.count
        documentCount = inputs.documentCount
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var isValid: Bool { errorCount == 0 }

    /// `12 files, 19 documents: 0 errors, 2 warnings.`
    public var summaryLine: String {
        "\(Plural.count(fileCount, "file")), \(Plural.count(documentCount, "document")): \(Plural.count(errorCount, "error")), \(Plural.count(warningCount, "warning"))."
    }

    public func render() -> String {
        diagnostics.map { "\($0)\n" }.joined() + summaryLine + "\n"
    }
}
