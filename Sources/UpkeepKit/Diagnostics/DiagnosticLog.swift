/// Collects every problem found while reading and checking inputs, so that all of them can be reported
/// before the run fails.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []
    /// With `strict`, problems that are normally warnings (unknown keys) are errors.
    public let strict: Bool

    public init(strict: Bool = false) {
        self.strict = strict
    }

    public func error(_ position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: position, message))
    }

    public func warning(_ position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: position, message))
    }

    /// A warning that `--strict` turns into an error.
    public func strictWarning(_ position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(strict ? .error : .warning, at: position, message))
    }

    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// Every diagnostic in a stable order, with exact repeats (the same alias read twice) removed.
    public var sorted: [Diagnostic] {
        var result: [Diagnostic] = []
        for diagnostic in diagnostics.sorted() where result.last != diagnostic {
            result.append(diagnostic)
        }
        return result
    }
}
