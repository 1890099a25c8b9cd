/// What one support rule says about one thing: until when it is supported, and why.
public struct SupportVerdict: Sendable, Equatable {
    public enum End: Sendable, Equatable {
        /// Supported, and no end is known yet (a minor still listed by the newest known release).
        case noKnownEnd
        /// Supported before this day; this is the first unsupported day.
        case on(CalendarDate)
        /// Not supported, with no date to give (an unknown version, a skew that is wrong now).
        case unsupported
    }

    /// The rule that gave the verdict; a failing verdict becomes a finding with this code.
    public var rule: SupportRuleCode
    public var end: End
    public var reason: String

    public init(_ rule: SupportRuleCode, _ end: End, _ reason: String) {
        self.rule = rule
        self.end = end
        self.reason = reason
    }

    public var endDate: CalendarDate? {
        if case .on(let date) = end { return date }
        return nil
    }

    public func isSupported(on date: CalendarDate) -> Bool {
        end.isSupported(on: date)
    }
}

extension SupportVerdict.End {
    public func isSupported(on date: CalendarDate) -> Bool {
        switch self {
        case .noKnownEnd: return true
        case .on(let end): return date < end
        case .unsupported: return false
        }
    }
}

/// Which support rule a verdict comes from; its raw value is the code of the finding it gives when the
/// thing is out of support.
public enum SupportRuleCode: String, Sendable, Equatable, CaseIterable {
    case kubernetesMinor = "kubernetes-minor-unsupported"
    case kubernetesPatch = "kubernetes-patch-unsupported"
    case kubernetesEndOfLife = "kubernetes-end-of-life"
    case platformRelease = "platform-release-unsupported"
    case certificates = "certificates-expired"
    case stopped = "cluster-stopped"
    case subscription = "subscription-suspended"
    case nodeImageAge = "node-image-too-old"
    case imageFamilyEndOfLife = "image-family-end-of-life"
    case skew = "kubelet-skew"
}

/// Several verdicts about one row (a cluster, a pool): supported only while every verdict is, until the
/// earliest end among them.
public struct CombinedSupport: Sendable, Equatable {
    public var verdicts: [SupportVerdict]

    public init(_ verdicts: [SupportVerdict]) {
        self.verdicts = verdicts
    }

    public func isSupported(on date: CalendarDate) -> Bool {
        verdicts.allSatisfy { $0.isSupported(on: date) }
    }

    /// The earliest first-unsupported day; nil when no verdict has a date.
    public var supportedUntil: CalendarDate? {
        var earliest: CalendarDate?
        for verdict in verdicts {
            if case .on(let date) = verdict.end, earliest.map({ date < $0 }) ?? true { earliest = date }
        }
        return earliest
    }

    /// `orderedVerdicts.first` without sorting: the verdict that sets `supportedUntil`, else one out of support
    /// now, else the first.
    public var bindingVerdict: SupportVerdict? {
        if let until = supportedUntil, let setting = verdicts.first(where: { $0.end == .on(until) }) { return setting }
        return verdicts.first { $0.end == .unsupported } ?? verdicts.first
    }

    /// The reasons in the order a reader needs them: first the one whose date is `supportedUntil` (when
    /// no verdict has a date, one that is out of support now), then the others from the earliest end on —
    /// out of support now, then by date, then those with no known end; rule order breaks ties.
    public var reasons: [String] { orderedVerdicts.map(\.reason) }

    public var orderedVerdicts: [SupportVerdict] {
        let until = supportedUntil
        func rank(_ verdict: SupportVerdict) -> (Int, Int) {
            switch verdict.end {
            case .on(let date) where date == until: return (0, 0)
            case .unsupported: return (1, 0)
            case .on(let date): return (2, date.daysSinceEpoch)
            case .noKnownEnd: return (3, 0)
            }
        }
        return verdicts.enumerated().sorted { a, b in
            let (left, right) = (rank(a.element), rank(b.element))
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
    }
}
