/// `upkeep check --format text|github|sarif`, and the markdown summary for a GitHub job.
public enum CheckRenderer {
    // MARK: Text

    /// The problems most urgent first, one line per cause (FindingGroup), folded at 120 columns.
    public static func text(_ check: FleetCheck) -> String {
        var lines = FindingGroup.grouping(check.problems).flatMap { TextWrap.wrap($0.textLine) }
        if !check.support.isEmpty { lines += TextWrap.wrap(check.support) }
        lines.append("upkeep check: \(Plural.count(check.errorCount, "error")), \(Plural.count(check.warningCount, "warning")); \(check.passes ? "passes" : "fails").")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: GitHub workflow commands

    /// GitHub shows at most this many annotations per level in a step: when there are more, the last of them is
    /// the line that counts the rest.
    public static let annotationsPerLevel = 10

    public static func github(_ check: FleetCheck) -> String {
        var lines: [String] = []
        for severity in [Diagnostic.Severity.error, .warning] {
            let level = severity == .error ? "error" : "warning"
            // One annotation per cause, at its first finding's place; the most urgent first.
            let groups = FindingGroup.grouping(check.problems.filter { $0.severity == severity })
            let shown = groups.count > annotationsPerLevel ? annotationsPerLevel - 1 : groups.count
            for group in groups.prefix(shown) {
                let finding = group.first
                lines.append(annotation(finding.severity, path: finding.position?.path, line: finding.position?.line,
                                        column: finding.position?.column, title: finding.code,
                                        message: group.isGroup ? group.message : "\(finding.subject): \(finding.message)"))
            }
            if groups.count > shown {
                let rest = groups.dropFirst(shown).reduce(0) { $0 + $1.findings.count }
                lines.append("::\(level)::\(data("\(rest) more \(level)\(rest == 1 ? "" : "s") not shown; run upkeep check for all of them."))")
            }
        }
        lines.append("upkeep check: \(Plural.count(check.errorCount, "error")), \(Plural.count(check.warningCount, "warning")); \(check.passes ? "passes" : "fails").")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One workflow command, `::error file=F,line=L,col=C,title=T::message`, escaped as GitHub requires.
    public static func annotation(_ severity: Diagnostic.Severity, path: String?, line: Int?, column: Int?, title: String, message: String) -> String {
        var properties: [String] = []
        if let path { properties.append("file=\(property(path))") }
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=\(property(title))")
        return "::\(severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(data(message))"
    }

    /// A workflow command's message: `%`, CR and LF escaped as GitHub requires.
    public static func data(_ text: String) -> String {
        text.replacingEvery("%", with: "%25").replacingEvery("\r", with: "%0D").replacingEvery("\n", with: "%0A")
    }

    /// A workflow command's property value: also `:` and `,`, which separate properties.
    public static func property(_ text: String) -> String {
        data(text).replacingEvery(":", with: "%3A").replacingEvery(",", with: "%2C")
    }

    /// The markdown appended to `GITHUB_STEP_SUMMARY`: the verdict and every problem, bounded.
    public static func stepSummary(_ check: FleetCheck, limit: Int = 200) -> String {
        var lines = ["### Upkeep check: \(check.passes ? "passes" : "fails")", "",
                     "\(Plural.count(check.errorCount, "error")), \(Plural.count(check.warningCount, "warning")).", ""]
            + (check.support.isEmpty ? [] : [MarkdownText.escape(check.support), ""])
        if !check.problems.isEmpty {
            lines += ["| Severity | Code | Subject | Message | Where |", "|---|---|---|---|---|"]
            let groups = FindingGroup.grouping(check.problems)
            for group in groups.prefix(limit) {
                let subject = group.isGroup ? "\(group.findings.count) subjects: \(group.subjects)" : group.first.subject
                lines.append("| \(group.severity.rawValue) | \(MarkdownText.escape(group.code)) | \(MarkdownText.escape(subject)) | \(MarkdownText.escape(group.isGroup ? group.first.cause ?? "" : group.first.message)) | \(group.position.map { MarkdownText.escape($0) } ?? "—") |")
            }
            if groups.count > limit { lines += ["", "_\(groups.dropFirst(limit).reduce(0) { $0 + $1.findings.count }) more not shown._"] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: SARIF

    /// SARIF 2.1.0 for code scanning: one result per problem, its rule the finding's code.
    public static func sarif(_ check: FleetCheck, toolVersion: String = ToolVersion.current) -> String {
        var codes: [String] = []
        for finding in check.problems where !codes.contains(finding.code) { codes.append(finding.code) }
        codes.sort { UTF8Order.precedes($0, $1) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let rules: [JSONValue] = codes.map { code in
            let entry = FindingCatalog.entry(code)
                ?? FindingCatalog.Entry(short: "Upkeep finding \(code)", full: "An Upkeep finding of code \(code); its message says what it is about.",
                                        help: "See docs/outputs.md, \"Findings codes you will meet\".")
            return .object(["id": .string(code), "name": .string(code),
                            "shortDescription": .object(["text": .string(entry.short)]),
                            "fullDescription": .object(["text": .string(entry.full)]),
                            "help": .object(["text": .string(entry.help), "markdown": .string(entry.help)])])
        }
        let fingerprints = Self.fingerprints(check.problems)
        let results: [JSONValue] = check.problems.enumerated().map { index, finding in
            var result: [String: JSONValue] = [
                "ruleId": .string(finding.code),
                "ruleIndex": .int(ruleIndex[finding.code] ?? 0),
                "level": .string(finding.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string("\(finding.subject): \(finding.message)")]),
                "partialFingerprints": .object(["primaryLocationLineHash": .string(fingerprints[index])]),
            ]
            if let position = finding.position {
                result["locations"] = .array([.object(["physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(uriReference(position.path))]),
                    "region": .object(["startLine": .int(max(1, position.line)), "startColumn": .int(max(1, position.column))]),
                ])])])
            }
            return .object(result)
        }
        return JSONValue.object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object(["name": .string("upkeep"), "version": .string(toolVersion),
                                                    "rules": .array(rules)])]),
                "results": .array(results),
            ])]),
        ]).rendered()
    }

    /// Each finding's `primaryLocationLineHash`, the key GitHub code scanning matches alerts by from run to run:
    /// the SHA-256 of its code, subject and message (what a finding is, not where its line moved to), and after a
    /// colon how many findings before it had the same — unique within the run, the same for the same inputs.
    static func fingerprints(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let hash = String(SHA256.hex(Array("\(finding.code)\u{0}\(finding.subject)\u{0}\(finding.message)".utf8)).prefix(32))
            seen[hash, default: 0] += 1
            return "\(hash):\(seen[hash] ?? 1)"
        }
    }

    /// A file path as a relative URI reference: every byte but unreserved characters and `/` percent-encoded.
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let unreserved = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: "/")
            if unreserved {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
