/// The one urgency order every output lists findings in (issue 31): errors before warnings, and within each
/// severity
/// 1. the inputs themselves in doubt (the inventory disagrees with the clusters, a stale committed plan, a
///    dependency cycle, a fleet fact newer than the day): every other finding is made from them, so they lead;
/// 2. out of support now or within `soonDays` days (a support finding due by then);
/// 3. certificates (expired, expiring, or with no documented rotation);
/// 4. advisories past their deadline;
/// 5. the rest;
/// each class by its day (earliest first, findings with no day last), then by subject, code and message.
extension FindingCatalog {
    enum Urgency: Int, Comparable {
        case inputs, outOfSupportSoon, certificates, advisoryPastDue, rest

        static func < (a: Urgency, b: Urgency) -> Bool { a.rawValue < b.rawValue }
    }

    /// Days after `asOf` within which a support end counts as now.
    static let soonDays = 7

    static func concern(of finding: Finding) -> FindingConcern {
        finding.concern ?? entries[finding.code]?.concern ?? .other
    }

    static func urgency(of finding: Finding, asOf: CalendarDate) -> Urgency {
        switch concern(of: finding) {
        case .support:
            if let due = finding.due, due.daysSinceEpoch <= asOf.daysSinceEpoch + soonDays { return .outOfSupportSoon }
            return .rest
        case .certificates: return .certificates
        case .advisory:
            if let due = finding.due, due < asOf { return .advisoryPastDue }
            return .rest
        case .inputs: return .inputs
        case .other: return .rest
        }
    }

    /// Negative when `a` comes before `b` in the urgency order (given their classes), positive when after, zero when
    /// neither does.
    static func order(_ a: borrowing Finding, _ urgencyA: Urgency, _ b: borrowing Finding, _ urgencyB: Urgency) -> Int {
        if a.severity != b.severity { return a.severity < b.severity ? -1 : 1 }
        if urgencyA != urgencyB { return urgencyA < urgencyB ? -1 : 1 }
        if a.due != b.due {
            guard let dueA = a.due else { return 1 }
            guard let dueB = b.due else { return -1 }
            return dueA < dueB ? -1 : 1
        }
        var order = UTF8Order.compare(a.subject, b.subject)
        if order == 0 { order = UTF8Order.compare(a.code, b.code) }
        if order == 0 { order = UTF8Order.compare(a.message, b.message) }
        return order
    }

    /// `findings` in the urgency order on `asOf` (equal ones as they came); each finding's class looked up once,
    /// each pair compared once.
    static func urgentFirst(_ findings: [Finding], asOf: CalendarDate, execution: ExecutionOptions = .serial) -> [Finding] {
        let urgency = findings.map { Self.urgency(of: $0, asOf: asOf) }
        let sorted = execution.sortedIndices(Array(findings.indices)) { a, b in
            let order = order(findings[a], urgency[a], findings[b], urgency[b])
            return order != 0 ? order < 0 : a < b
        }
        return sorted.map { findings[$0] }
    }
}
