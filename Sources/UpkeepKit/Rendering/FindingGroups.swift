/// Findings grouped by cause for the outputs people read (issue 31): findings of one severity, code and cause
/// (`Finding.cause`, the message without the subject's name) are one entry listing their subjects, so that a
/// fleet-wide fact is one line, not forty. A group stands where its first (most urgent) finding stands; a finding
/// with no cause, or alone with its cause, is an entry of its own with its whole message. JSON keeps every finding.
struct FindingGroup: Sendable {
    var findings: [Finding]

    var first: Finding { findings[0] }
    var severity: Diagnostic.Severity { first.severity }
    var code: String { first.code }
    var isGroup: Bool { findings.count > 1 }

    /// The subjects listed after the count: every one up to `listed`, then how many more.
    static let listed = 12

    /// `cluster/a, cluster/b and 3 more`.
    var subjects: String {
        let names = findings.prefix(Self.listed).map(\.subject)
        let rest = findings.count - names.count
        return names.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }

    /// What the group says: the first finding's message alone, else the subjects counted and the shared cause.
    var message: String {
        guard isGroup, let cause = first.cause else { return first.message }
        return "\(findings.count) subjects (\(subjects)); each \(cause)"
    }

    /// Where the first finding is, and how many more places there are.
    var position: String? {
        guard let place = first.position?.description else { return nil }
        let others = findings.dropFirst().count { $0.position != nil }
        return others > 0 ? "\(place) and \(others) more" : place
    }

    /// `findings` (in their order) as groups, each where its first member stands.
    static func grouping(_ findings: [Finding]) -> [FindingGroup] {
        var groups: [FindingGroup] = []
        var groupOfKey: [GroupKey: Int] = [:]
        for finding in findings {
            guard let cause = finding.cause else {
                groups.append(FindingGroup(findings: [finding]))
                continue
            }
            let key = GroupKey(severity: finding.severity, code: finding.code, cause: cause)
            if let index = groupOfKey[key] {
                groups[index].findings.append(finding)
            } else {
                groupOfKey[key] = groups.count
                groups.append(FindingGroup(findings: [finding]))
            }
        }
        return groups
    }

    private struct GroupKey: Hashable {
        var severity: Diagnostic.Severity
        var code: String
        var cause: String
    }

    // MARK: Rendered

    /// `warning nothing-to-fix-with 6 subjects (cluster/a, …); each cause (fleet.yaml:12:5 and 5 more)`; a lone
    /// finding as `Finding.textLine`.
    var textLine: String {
        guard isGroup else { return first.textLine }
        return "\(severity.rawValue) \(code) \(message)" + (position.map { " (\($0))" } ?? "")
    }

    var markdownLine: String {
        guard isGroup else { return first.markdownLine }
        let mark = severity == .error ? "❌ **error**" : "⚠️ **warning**"
        let place = position.map { " — \(MarkdownText.code($0))" } ?? ""
        let names = findings.prefix(Self.listed).map { MarkdownText.code($0.subject) }.joined(separator: ", ")
        let rest = findings.count - min(findings.count, Self.listed)
        return "- \(mark) \(MarkdownText.code(code)) \(findings.count) subjects (\(names)\(rest > 0 ? " and \(rest) more" : "")); each "
            + "\(MarkdownText.escape(first.cause ?? first.message))\(place)"
    }
}
