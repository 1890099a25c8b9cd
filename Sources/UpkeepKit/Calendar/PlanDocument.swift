import Foundation

/// A plan file (`upkeep plan --format json`) as `JSONDecoder` reads it: the one type every command that reads a
/// plan file back reads it with (`calendar --previous`, `diff`, `check --plan`). It holds what those compare — the
/// days, the steps and the findings — and leaves the rest of the file unread. Fields a step may lack are optional,
/// as the plan schema has them.
public struct PlanDocument: Decodable, Sendable {
    public var schemaVersion: Int
    public var asOf: String
    public var horizonEnd: String
    public var steps: [Step]
    public var findings: [Finding]?

    public struct Step: Decodable, Sendable {
        public var id: String
        public var kind: PlanStep.Kind
        public var status: PlanStep.Status
        public var cluster: String?
        public var managementCluster: String?
        public var nodePool: String?
        public var from: String?
        public var to: String?
        public var window: Window?
        public var start: String?
        public var end: String?
        public var estimatedMinutes: Int?
        public var due: String?
        public var dueReason: String?
        public var after: [String]?
        public var reasons: [String]?
        public var fixes: [String]?
        public var knownIssues: [String]?
        public var nodeImages: [ImageChange]?
        public var order: Int?
    }

    public struct Window: Decodable, Sendable {
        public var name: String
        public var start: String
        public var end: String
    }

    public struct ImageChange: Decodable, Sendable {
        public var nodePool: String
        public var from: String
        public var to: String
    }

    public struct Finding: Decodable, Sendable {
        public var severity: Diagnostic.Severity
        public var code: String
        public var subject: String
        public var message: String?
        public var position: String?
    }

    /// The plan the file holds (steps, findings and days), or nil when it is not a plan file of schema 1.
    public var plan: Plan? {
        guard schemaVersion == 1, let asOf = CalendarDate(parsing: asOf), let horizonEnd = CalendarDate(parsing: horizonEnd) else { return nil }
        let findings = (findings ?? []).map { finding in
            UpkeepKit.Finding(finding.severity, code: finding.code, subject: finding.subject, message: finding.message ?? "",
                              position: finding.position.flatMap(Self.position))
        }
        return Plan(asOf: asOf, horizonEnd: horizonEnd, inputs: [], steps: steps.map(\.planStep), findings: findings, clusters: [])
    }

    /// `path:line:column` (the path may hold colons).
    static func position(_ text: String) -> SourcePosition? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
        return SourcePosition(path: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }
}

extension PlanDocument.Step {
    var planStep: PlanStep {
        var occurrence: WindowOccurrence?
        if let window, let start = Instant(parsing: window.start), let end = Instant(parsing: window.end) {
            occurrence = WindowOccurrence(window: window.name, start: start, end: end, firstLocalDate: start.utcDate, lastLocalDate: end.utcDate)
        }
        return PlanStep(id: id, kind: kind, cluster: cluster, managementCluster: managementCluster, nodePool: nodePool,
                        from: from ?? "", to: to ?? "", occurrence: occurrence, start: start.flatMap(Instant.init(parsing:)),
                        end: end.flatMap(Instant.init(parsing:)), estimatedMinutes: estimatedMinutes ?? 0,
                        due: due.flatMap(CalendarDate.init(parsing:)), dueReason: dueReason, status: status, after: after ?? [],
                        reasons: reasons ?? [], fixes: fixes ?? [], knownIssues: knownIssues ?? [],
                        nodeImages: (nodeImages ?? []).map { PlanStep.ImageChange(nodePool: $0.nodePool, from: $0.from, to: $0.to) },
                        order: order ?? 0)
    }
}

extension Diagnostic.Severity: Decodable {}
extension PlanStep.Kind: Decodable {}
extension PlanStep.Status: Decodable {}
