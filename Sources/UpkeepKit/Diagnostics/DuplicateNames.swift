/// Reports every name given twice, at its second appearance, pointing back at the first.
public enum DuplicateNames {
    public static func report(_ names: [(name: String, position: SourcePosition)], kind: String, scope: String, log: DiagnosticLog) {
        var seen: [String: SourcePosition] = [:]
        seen.reserveCapacity(names.count)
        for (name, position) in names {
            if let first = seen[name] {
                log.error(position, "\(kind) \"\(name)\" is defined twice\(scope); the first is at \(first).")
            } else {
                seen[name] = position
            }
        }
    }
}
