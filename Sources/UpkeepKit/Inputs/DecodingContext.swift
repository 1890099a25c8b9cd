/// Turns located YAML nodes of one document into typed values, reporting every malformed value to the
/// log with its position and returning nil for it, so that decoding goes on and finds every problem.
public struct DecodingContext {
    public let document: YAMLDocument
    public let log: DiagnosticLog

    public init(document: YAMLDocument, log: DiagnosticLog) {
        self.document = document
        self.log = log
    }

    public func position(_ node: YAMLNode) -> SourcePosition { document.position(node.mark) }
    public func position(_ mark: Mark) -> SourcePosition { document.position(mark) }

    public func error(_ node: YAMLNode, _ message: String) { log.error(position(node), message) }

    // MARK: Mappings

    /// The fields of a mapping node; unknown keys are reported (warnings, errors with --strict).
    /// `what` names the thing in sentences ("the policy"); with `named`, it is a kind ("cluster") and
    /// sentences say `cluster "payments-prod"` when the mapping has a name.
    public func fields(_ node: YAMLNode, _ what: String, named: Bool = false, known: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(named ? "a \(what)" : what) must be a mapping of keys and values, not \(node.kindDescription).")
            return nil
        }
        let fields = Fields(mapping: mapping, kind: what, named: named, context: self)
        for entry in mapping.entries where !known.contains(entry.key.text) {
            // A key within two edits of a known one is a typo that drops what it says (`dependOn:`): an error.
            let meant = NameSuggestion.misspelling(of: entry.key.text, among: known)
            if !meant.isEmpty {
                let quoted = meant.map { "\"\($0)\"" }.joined(separator: " or ")
                log.error(position(entry.key.mark), "unknown key \"\(entry.key.text)\" in \(fields.what); did you mean \(quoted)? What it gives is not read.")
                continue
            }
            log.strictWarning(position(entry.key.mark),
                              "unknown key \"\(entry.key.text)\" in \(fields.what)\(NameSuggestion.sentenceEnding(for: entry.key.text, among: known))")
        }
        return fields
    }

    /// The fields of a mapping without checking its keys (published foreign formats).
    public func lenientFields(_ node: YAMLNode, _ what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of keys and values, not \(node.kindDescription).")
            return nil
        }
        return Fields(mapping: mapping, kind: what, named: false, context: self)
    }

    // MARK: Scalars

    public func text(_ node: YAMLNode, _ field: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            error(node, "\"\(field)\" must be a single value, not \(node.kindDescription).")
            return nil
        }
        return scalar.text
    }

    /// A name: non-empty text without control characters.
    public func name(_ node: YAMLNode, _ field: String) -> String? {
        guard let value = text(node, field) else { return nil }
        guard value.utf8.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              !Self.hasControlCharacter(value) else {
            error(node, "\"\(field)\" must be a non-empty name without control characters.")
            return nil
        }
        return value
    }

    private static func hasControlCharacter(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        return text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    public func kubernetesVersion(_ node: YAMLNode, _ field: String) -> KubernetesVersion? {
        guard let value = text(node, field) else { return nil }
        guard let version = KubernetesVersion(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a Kubernetes version (MAJOR.MINOR.PATCH, for example 1.30.2).")
            return nil
        }
        return version
    }

    public func kubernetesMinor(_ node: YAMLNode, _ field: String) -> KubernetesMinor? {
        guard let value = text(node, field) else { return nil }
        guard let minor = KubernetesMinor(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a Kubernetes minor (MAJOR.MINOR, for example \"1.30\").")
            return nil
        }
        return minor
    }

    public func platformVersion(_ node: YAMLNode, _ field: String) -> PlatformVersion? {
        guard let value = text(node, field) else { return nil }
        guard let version = PlatformVersion(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a platform version (dot-separated integers, for example 1.0.23.10605).")
            return nil
        }
        return version
    }

    public func nodeImageVersion(_ node: YAMLNode, _ field: String) -> NodeImageVersion? {
        guard let value = text(node, field) else { return nil }
        guard let version = NodeImageVersion(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a node image version (dot-separated integers, for example \"202406.11.0\" or \"20348.2527.240611\").")
            return nil
        }
        return version
    }

    public func date(_ node: YAMLNode, _ field: String) -> CalendarDate? {
        guard let value = text(node, field) else { return nil }
        guard let date = CalendarDate(parsing: value) else {
            let shaped = value.utf8.count == 10 && value.split(separator: "-").count == 3
            error(node, shaped
                  ? "\"\(field)\" is \"\(value)\", which is not a real calendar date."
                  : "\"\(field)\" is \"\(value)\", which is not a date (YYYY-MM-DD).")
            return nil
        }
        return date
    }

    public func month(_ node: YAMLNode, _ field: String) -> CalendarMonth? {
        guard let value = text(node, field) else { return nil }
        guard let month = CalendarMonth(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a month (YYYY-MM).")
            return nil
        }
        return month
    }

    /// `positive`: zero is refused too.
    public func timeSpan(_ node: YAMLNode, _ field: String, positive: Bool = false) -> TimeSpan? {
        guard let value = text(node, field) else { return nil }
        guard let span = TimeSpan(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a duration (a number and a unit m, h, d or w, for example 45m, 2h, 14d).")
            return nil
        }
        if positive && span.minutes == 0 {
            error(node, "\"\(field)\" must be longer than zero.")
            return nil
        }
        return span
    }

    /// A plan horizon: days, weeks or calendar months (`180d`, `26w`, `6m`); minutes and hours are refused.
    public func horizon(_ node: YAMLNode, _ field: String) -> Horizon? {
        guard let value = text(node, field) else { return nil }
        guard let horizon = Horizon(parsing: value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a plan horizon (\(Horizon.expected)).")
            return nil
        }
        return horizon
    }

    /// "HH:MM" from 00:00 to 23:59, as minutes after midnight.
    public func timeOfDay(_ node: YAMLNode, _ field: String) -> Int? {
        guard let value = text(node, field) else { return nil }
        let bytes = Array(value.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              let hours = CalendarDate.number(bytes[0..<2]), let minutes = CalendarDate.number(bytes[3..<5]),
              hours < 24, minutes < 60 else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a time of day (HH:MM from 00:00 to 23:59).")
            return nil
        }
        return hours * 60 + minutes
    }

    public func integer(_ node: YAMLNode, _ field: String, atLeast minimum: Int, atMost maximum: Int = 1_000_000) -> Int? {
        guard let value = text(node, field) else { return nil }
        guard value.count <= 9, let number = Int(value) else {
            error(node, "\"\(field)\" is \"\(value)\", which is not a whole number.")
            return nil
        }
        guard number >= minimum else {
            error(node, "\"\(field)\" is \(number); it must be at least \(minimum).")
            return nil
        }
        guard number <= maximum else {
            error(node, "\"\(field)\" is \(number); it must be at most \(maximum).")
            return nil
        }
        return number
    }

    public func boolean(_ node: YAMLNode, _ field: String) -> Bool? {
        guard let value = text(node, field) else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error(node, "\"\(field)\" is \"\(value)\"; it must be true or false.")
            return nil
        }
    }

    /// One of an enumeration's raw values, with the closest one suggested.
    public func choice<Value: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ field: String, as type: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let value = text(node, field) else { return nil }
        if let result = Value(rawValue: value) { return result }
        let allowed = Value.allCases.map(\.rawValue)
        error(node, "\"\(field)\" is \"\(value)\"; it must be one of \(allowed.joined(separator: ", "))\(NameSuggestion.sentenceEnding(for: value, among: allowed))")
        return nil
    }

    // MARK: Lists

    /// The items of a list; a null value is an empty list.
    public func list(_ node: YAMLNode, _ field: String) -> [YAMLNode]? {
        switch node {
        case .sequence(let sequence): return sequence.items
        case .scalar(let scalar) where scalar.isNull: return []
        default:
            error(node, "\"\(field)\" must be a list, not \(node.kindDescription).")
            return nil
        }
    }

    /// Decodes each item, dropping the ones that failed (they have been reported).
    public func list<Value>(_ node: YAMLNode, _ field: String, _ decode: (YAMLNode) -> Value?) -> [Value] {
        (list(node, field) ?? []).compactMap(decode)
    }

    /// Reports a name given twice at its second appearance; `kind` is "cluster", "window", ….
    public func reportDuplicateNames(_ names: [(name: String, position: SourcePosition)], kind: String, scope: String = "") {
        DuplicateNames.report(names, kind: kind, scope: scope, log: log)
    }
}

/// The fields of one mapping, with what the mapping is called in sentences.
public struct Fields {
    public let mapping: YAMLMapping
    let kind: String
    let named: Bool
    let context: DecodingContext

    /// How sentences refer to this mapping: `cluster "payments-prod"`, `a cluster`, `the policy`.
    public var what: String {
        guard named else { return kind }
        if let name = mapping["name"]?.scalar, !name.isNull { return "\(kind) \"\(name.text)\"" }
        return "a \(kind)"
    }

    public var position: SourcePosition { context.position(mapping.mark) }

    /// The value of `key`, or nil when absent or null.
    public subscript(key: String) -> YAMLNode? {
        guard let value = mapping[key], !value.isNull else { return nil }
        return value
    }

    /// The value of `key`; when absent, an error at the mapping saying that it is required.
    public func required(_ key: String) -> YAMLNode? {
        guard let value = self[key] else {
            context.log.error(position, "\(what) has no \"\(key)\"; it is required.")
            return nil
        }
        return value
    }
}
