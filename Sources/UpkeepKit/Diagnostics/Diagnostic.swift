/// One problem found in the inputs, with the position it points at and a sentence that explains it.
public struct Diagnostic: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    /// The file and, when the problem is inside the file, its line and column.
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, at position: SourcePosition, _ message: String) {
        self.severity = severity
        self.path = position.path
        self.line = position.line
        self.column = position.column
        self.message = message
    }

    /// A problem with a whole file (missing, unreadable), which has no line or column.
    public init(_ severity: Severity, file path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = nil
        self.column = nil
        self.message = message
    }

    public var description: String {
        if let line, let column {
            return "\(path):\(line):\(column): \(severity.rawValue): \(message)"
        }
        return "\(path): \(severity.rawValue): \(message)"
    }

    /// Sorted by path, line, column, then severity and text, so that output never depends on the order
    /// in which problems were found.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.path != rhs.path { return UTF8Order.precedes(lhs.path, rhs.path) }
        let lhsLine = lhs.line ?? 0, rhsLine = rhs.line ?? 0
        if lhsLine != rhsLine { return lhsLine < rhsLine }
        let lhsColumn = lhs.column ?? 0, rhsColumn = rhs.column ?? 0
        if lhsColumn != rhsColumn { return lhsColumn < rhsColumn }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return UTF8Order.precedes(lhs.message, rhs.message)
    }
}
