/// Reads a plan file (`upkeep plan --format json`) back into a `Plan`: what `calendar --previous` and
/// `upkeep diff` compare. The steps, findings and dates are read; nil when the file is not such a plan.
public enum PlanFileReader {
    /// Several plan files at once, one per core (`upkeep diff` reads two).
    public static func read(all files: [[UInt8]], execution: ExecutionOptions = .standard) -> [Plan?] {
        execution.map(files, minimum: 2) { read($0) }
    }

    public static func read(_ bytes: [UInt8]) -> Plan? {
        guard case .object(let root)? = JSONParser.parse(bytes), case .int(1)? = root["schemaVersion"],
              let asOf = string(root["asOf"]).flatMap(CalendarDate.init(parsing:)),
              let horizonEnd = string(root["horizonEnd"]).flatMap(CalendarDate.init(parsing:)),
              case .array(let items)? = root["steps"] else { return nil }
        var steps: [PlanStep] = []
        for item in items {
            guard case .object(let fields) = item, let step = step(fields) else { return nil }
            steps.append(step)
        }
        var findings: [Finding] = []
        if case .array(let list)? = root["findings"] {
            for item in list {
                guard case .object(let fields) = item, let finding = finding(fields) else { return nil }
                findings.append(finding)
            }
        }
        return Plan(asOf: asOf, horizonEnd: horizonEnd, inputs: [], steps: steps, findings: findings, clusters: [])
    }

    private static func finding(_ fields: [String: JSONValue]) -> Finding? {
        guard let severity = string(fields["severity"]).flatMap(Diagnostic.Severity.init(rawValue:)),
              let code = string(fields["code"]), let subject = string(fields["subject"]) else { return nil }
        return Finding(severity, code: code, subject: subject, message: string(fields["message"]) ?? "",
                       position: string(fields["position"]).flatMap(position))
    }

    /// `path:line:column` (the path may hold colons).
    static func position(_ text: String) -> SourcePosition? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
        return SourcePosition(path: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { string($0) }
    }

    private static func step(_ fields: [String: JSONValue]) -> PlanStep? {
        guard let id = string(fields["id"]), let kind = string(fields["kind"]).flatMap(PlanStep.Kind.init(rawValue:)),
              let status = string(fields["status"]).flatMap(PlanStep.Status.init(rawValue:)) else { return nil }
        var occurrence: WindowOccurrence?
        if case .object(let window)? = fields["window"], let name = string(window["name"]),
           let start = string(window["start"]).flatMap(Instant.init(parsing:)), let end = string(window["end"]).flatMap(Instant.init(parsing:)) {
            occurrence = WindowOccurrence(window: name, start: start, end: end, firstLocalDate: start.utcDate, lastLocalDate: end.utcDate)
        }
        var minutes = 0
        if case .int(let value)? = fields["estimatedMinutes"] { minutes = value }
        var order = 0
        if case .int(let value)? = fields["order"] { order = value }
        var images: [PlanStep.ImageChange] = []
        if case .array(let changes)? = fields["nodeImages"] {
            for change in changes {
                guard case .object(let change) = change, let pool = string(change["nodePool"]), let from = string(change["from"]),
                      let to = string(change["to"]) else { continue }
                images.append(PlanStep.ImageChange(nodePool: pool, from: from, to: to))
            }
        }
        return PlanStep(id: id, kind: kind, cluster: string(fields["cluster"]), managementCluster: string(fields["managementCluster"]),
                        nodePool: string(fields["nodePool"]), from: string(fields["from"]) ?? "", to: string(fields["to"]) ?? "",
                        occurrence: occurrence, start: string(fields["start"]).flatMap(Instant.init(parsing:)),
                        end: string(fields["end"]).flatMap(Instant.init(parsing:)), estimatedMinutes: minutes,
                        due: string(fields["due"]).flatMap(CalendarDate.init(parsing:)), dueReason: string(fields["dueReason"]),
                        status: status, after: strings(fields["after"]), reasons: strings(fields["reasons"]),
                        fixes: strings(fields["fixes"]), knownIssues: strings(fields["knownIssues"]), nodeImages: images, order: order)
    }
}
