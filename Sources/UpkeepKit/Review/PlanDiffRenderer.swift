/// `upkeep diff --format text|markdown|json`.
public enum PlanDiffRenderer {
    /// A pull request comment stays under this many characters (GitHub takes 65,536) on any input: what
    /// does not fit is counted, never cut mid-row.
    public static let markdownLimit = 60_000

    // MARK: Text

    public static func text(_ diff: PlanDiff) -> String {
        var lines = ["Plan diff: \(diff.summary)"]
        if !diff.added.isEmpty || !diff.removed.isEmpty || !diff.changed.isEmpty { lines.append("") }
        for step in diff.added { lines.append("+ \(step.id)  \(placement(step))  \(step.from) → \(step.to)  \(step.status.rawValue)") }
        for step in diff.removed { lines.append("- \(step.id)  \(placement(step))  \(step.from) → \(step.to)  \(step.status.rawValue)") }
        for change in diff.changed { lines.append("~ \(change.new.id)  " + changeText(change.changes)) }
        if !diff.findingsAdded.isEmpty {
            lines += ["", "Findings added:"] + diff.findingsAdded.map { "  + " + $0.textLine }
        }
        if !diff.findingsResolved.isEmpty {
            lines += ["", "Findings resolved:"] + diff.findingsResolved.map { "  - " + $0.textLine }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func placement(_ step: PlanStep) -> String {
        guard let occurrence = step.occurrence, let start = step.start else { return "no slot" }
        return "\(occurrence.window) \(start)"
    }

    static func changeText(_ changes: [PlanDiff.Change]) -> String {
        changes.map { "\($0.field.rawValue): \($0.old ?? "none") → \($0.new ?? "none")" }.joined(separator: "; ")
    }

    // MARK: Markdown

    /// Lines added while they fit the budget; the rest counted.
    struct Budget {
        var lines: [String] = []
        var used = 0
        let limit: Int
        var omitted = 0

        init(limit: Int) { self.limit = limit }

        /// Adds the line when it fits with `reserve` characters left over; false (and counted) when not.
        @discardableResult
        mutating func add(_ line: String, reserve: Int = 0) -> Bool {
            let size = line.unicodeScalars.count + 1
            guard used + size + reserve <= limit else { omitted += 1; return false }
            lines.append(line)
            used += size
            return true
        }
    }

    public static func markdown(_ diff: PlanDiff, limit: Int = markdownLimit) -> String {
        // Room kept for the closing lines and the note of what did not fit.
        let closing = 400
        var out = Budget(limit: limit)
        out.add("### Upkeep plan diff")
        out.add("")
        out.add("**\(MarkdownText.escape(diff.summary))**")
        out.add("")
        let attention = diff.attention
        if !attention.isEmpty || diff.findingsAdded.contains(where: { $0.severity == .error }) {
            out.add("#### Needs attention")
            out.add("")
            out.add("| Step | Subject | Change | Status | Due |")
            out.add("|---|---|---|---|---|")
            for step in attention {
                out.add("| \(cell(step.id)) | \(cell(step.cluster ?? step.managementCluster ?? "")) | \(cell("\(step.from) → \(step.to)")) | **\(step.status.rawValue)** | \(step.due?.description ?? "—") |", reserve: closing)
            }
            for finding in diff.findingsAdded where finding.severity == .error {
                out.add("| \(cell(finding.code)) | \(cell(finding.subject)) | \(cell(finding.message)) | **error** | — |", reserve: closing)
            }
            out.add("")
        }
        let total = diff.added.count + diff.removed.count + diff.changed.count + diff.findingsAdded.count + diff.findingsResolved.count
        if total > 0 {
            out.add("<details><summary>All changes (\(total))</summary>", reserve: closing)
            out.add("", reserve: closing)
            section(&out, "Added steps", diff.added.map { step in
                "| + | \(cell(step.id)) | \(cell(placement(step))) | \(cell("\(step.from) → \(step.to)")) | \(step.status.rawValue) |"
            }, header: "| | Step | Window and start | From → to | Status |\n|---|---|---|---|---|", reserve: closing)
            section(&out, "Removed steps", diff.removed.map { step in
                "| − | \(cell(step.id)) | \(cell(placement(step))) | \(cell("\(step.from) → \(step.to)")) | \(step.status.rawValue) |"
            }, header: "| | Step | Window and start | From → to | Status |\n|---|---|---|---|---|", reserve: closing)
            section(&out, "Changed steps", diff.changed.map { change in
                "| ~ | \(cell(change.new.id)) | \(cell(changeText(change.changes))) |"
            }, header: "| | Step | Old → new |\n|---|---|---|", reserve: closing)
            section(&out, "Findings added", diff.findingsAdded.map { "| + | \($0.severity.rawValue) | \(cell($0.code)) | \(cell($0.subject)) | \(cell($0.message)) |" },
                    header: "| | Severity | Code | Subject | Message |\n|---|---|---|---|---|", reserve: closing)
            section(&out, "Findings resolved", diff.findingsResolved.map { "| − | \($0.severity.rawValue) | \(cell($0.code)) | \(cell($0.subject)) | \(cell($0.message)) |" },
                    header: "| | Severity | Code | Subject | Message |\n|---|---|---|---|---|", reserve: closing)
            out.lines.append("</details>")
        }
        if out.omitted > 0 {
            out.lines += ["", "_\(out.omitted) more row\(out.omitted == 1 ? "" : "s") not shown (the comment stays under \(limit) characters); run `upkeep diff` for all of them._"]
        }
        return out.lines.joined(separator: "\n") + "\n"
    }

    private static func section(_ out: inout Budget, _ title: String, _ rows: [String], header: String, reserve: Int) {
        guard !rows.isEmpty else { return }
        // A heading and table header only when at least the first row fits after them.
        let head = ["##### \(title) (\(rows.count))", ""] + header.split(separator: "\n").map(String.init)
        let headSize = head.reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        guard out.used + headSize + (rows[0].unicodeScalars.count + 1) + reserve <= out.limit else {
            out.omitted += rows.count
            return
        }
        for line in head { out.add(line) }
        for row in rows { out.add(row, reserve: reserve) }
        out.add("", reserve: reserve)
    }

    /// A table cell: escaped, on one line.
    static func cell(_ text: String) -> String {
        MarkdownText.escape(text)
    }

    // MARK: JSON

    public static func json(_ diff: PlanDiff) -> String {
        // Added and removed steps as the plan files write them (the one step shape).
        func step(_ step: PlanStep) -> JSONValue { PlanJSONRenderer.stepValue(step) }
        let changed: [JSONValue] = diff.changed.map { change in
            var fields: [String: JSONValue] = [:]
            for item in change.changes { fields[item.field.rawValue] = .object(["old": .string(item.old), "new": .string(item.new)]) }
            return .object(["id": .string(change.new.id), "changes": .object(fields)])
        }
        return JSONValue.object([
            "summary": .string(diff.summary),
            "added": .array(diff.added.map(step)),
            "removed": .array(diff.removed.map(step)),
            "changed": .array(changed),
            "unchanged": .int(diff.unchanged),
            "newlyLate": .array(diff.newlyLate.map { .string($0) }),
            "findingsAdded": .array(diff.findingsAdded.map(\.json)),
            "findingsResolved": .array(diff.findingsResolved.map(\.json)),
        ]).rendered(inlineFrom: 3)
    }
}
