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
    /// The day the matter is due: the first day out of support, an advisory's deadline, the day certificates
    /// expire. The urgency order (FindingCatalog.Urgency) reads it; nil when the finding has no day.
    public var due: CalendarDate?
    /// What the finding is about when its code does not say (a late step is late for support, certificates or an
    /// advisory); nil takes the catalog's concern of the code.
    public var concern: FindingConcern?
    /// The message without the subject's name, when findings of other subjects can share it, worded to follow
    /// "each" (`is exposed to …`): findings of one severity, code and cause are one line in the text outputs
    /// (FindingGroup), and one entry per subject in JSON.
    public var cause: String?

    public init(_ severity: Diagnostic.Severity, code: String, subject: String, message: String, position: SourcePosition?,
                due: CalendarDate? = nil, concern: FindingConcern? = nil, cause: String? = nil) {
        self.severity = severity
        self.code = code
        self.subject = subject
        self.message = message
        self.position = position
        self.due = due
        self.concern = concern
        self.cause = cause
    }

    /// Errors first, then by subject, code and message (the order of sets of findings, as in `diff`; the outputs
    /// use the urgency order, FindingCatalog.order).
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

/// What a finding is about, for the urgency order: support (out of support on a day), certificates, an advisory,
/// the inputs themselves (the inventory disagrees with the clusters, a stale plan, a dependency cycle), or other
/// (feeds, severities unknown).
public enum FindingConcern: String, Sendable {
    case support, certificates, advisory, inputs, other
}
