/// Something the operator must know about the fleet (not about the input files): a cluster out of
/// support, an advisory past its deadline, a stale feed.
public struct Finding: Sendable, Equatable, Comparable {
    public var severity: Diagnostic.Severity
    /// A stable, machine-readable kind: `kubernetes-minor-unsupported`, `stopped-too-long`, ….
    public var code: String
    /// What it is about: `cluster/payments-prod`, `cluster/payments-prod/pool/win`,
    /// `management-cluster/mgmt-east`, `platform/aks-hybrid`, `advisory/CVE-2025-1767`.
    public var subject: String
    public var message: String
    public var position: SourcePosition?

    public init(_ severity: Diagnostic.Severity, code: String, subject: String, message: String, position: SourcePosition?) {
        self.severity = severity
        self.code = code
        self.subject = subject
        self.message = message
        self.position = position
    }

    /// Errors first, then by subject, code and message.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Negative when `lhs` comes first, zero when neither does.
    static func compare(_ lhs: Finding, _ rhs: Finding) -> Int {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity ? -1 : 1 }
        let subject = UTF8Order.compare(lhs.subject, rhs.subject)
        if subject != 0 { return subject }
        let code = UTF8Order.compare(lhs.code, rhs.code)
        if code != 0 { return code }
        return UTF8Order.compare(lhs.message, rhs.message)
    }
}
