/// The one support verdict a subject gets on a day — supported, out of support, or unknown, with why — computed
/// once (`SupportEngine.status`) and written by every output: status text, markdown and JSON, the plan's rows,
/// the report and `check`.
///
/// A workload cluster or node pool whose management cluster is out of support (its release, a retired host,
/// expired certificates) is out of support too, whatever its own version says: both are given. Unknown only
/// where an unknown fact could change the answer: the subject and everything above it pass every rule the feeds
/// can apply, but the feeds cannot tell whether that still holds (releases whose versions are not published, a
/// stale platform feed).
public struct SupportAnswer: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        case supported
        case outOfSupport = "out-of-support"
        case unknown
    }

    public var state: State
    /// The first day out of support, from the subject's own rules or from its management cluster's, whichever is
    /// earlier; nil when no end is known.
    public var until: CalendarDate?
    /// Its management cluster's reason, when that cluster is out of support ("management cluster m is out of
    /// support: …") or its support ends first ("its management cluster m: …"); nil otherwise.
    public var inherited: String?
    /// The management cluster the subject is out of support through (nil when it is not).
    public var through: String?
    /// That management cluster's first day out of support.
    public var inheritedUntil: CalendarDate? = nil
    /// Why the feeds cannot tell (only when `state` is unknown).
    public var unknownBecause: String?

    public var isOutOfSupport: Bool { state == .outOfSupport }

    /// Whether the management cluster's reason sets `until` (it ends earlier than the subject's own rules, or they
    /// give no end): outputs then give it first.
    public func inheritedFirst(_ own: CombinedSupport) -> Bool {
        guard inherited != nil else { return false }
        guard let ownEnd = own.supportedUntil else { return true }
        return inheritedUntil.map { $0 < ownEnd } ?? false
    }

    /// Every reason in the order outputs give them, the one that sets `until` first: the subject's own (its
    /// binding rule first, the others from the earliest end on) with its management cluster's in its place.
    public func reasons(_ own: CombinedSupport) -> [String] {
        let ownReasons = own.reasons
        guard let inherited else { return ownReasons }
        if inheritedFirst(own) || ownReasons.isEmpty { return [inherited] + ownReasons }
        return [ownReasons[0], inherited] + ownReasons.dropFirst()
    }

    /// A management cluster's answer: its own rules, and whether its feed can still tell.
    static func management(_ support: CombinedSupport, on date: CalendarDate, unknownBecause: String?) -> SupportAnswer {
        if !support.isSupported(on: date) {
            return SupportAnswer(state: .outOfSupport, until: support.supportedUntil, inherited: nil, through: nil, unknownBecause: nil)
        }
        return SupportAnswer(state: unknownBecause == nil ? .supported : .unknown, until: support.supportedUntil,
                             inherited: nil, through: nil, unknownBecause: unknownBecause)
    }

    /// A workload cluster's or pool's answer: its own rules, then its management cluster's answer (nil for a
    /// standalone cluster), then what the feeds cannot tell about it. The management cluster's reason is kept when
    /// it is out of support, or when its support ends before the subject's own (it then sets `until`).
    static func member(_ support: CombinedSupport, on date: CalendarDate, management: (name: String, answer: SupportAnswer, reason: String?)?,
                       unknownBecause: String?) -> SupportAnswer {
        let until = [support.supportedUntil, management?.answer.until].compactMap { $0 }.min()
        let out = management?.answer.isOutOfSupport ?? false
        let binding = management?.answer.until.map { end in support.supportedUntil.map { end < $0 } ?? true } ?? false
        let inherited = management.flatMap { above -> String? in
            guard out || binding else { return nil }
            let reason = above.reason ?? "it fails a support rule"
            return out ? "management cluster \(above.name) is out of support: \(reason)" : "its management cluster \(above.name): \(reason)"
        }
        let through = out ? management?.name : nil
        if !support.isSupported(on: date) || out {
            return SupportAnswer(state: .outOfSupport, until: until, inherited: inherited, through: through,
                                 inheritedUntil: inherited == nil ? nil : management?.answer.until, unknownBecause: nil)
        }
        let unknown = unknownBecause ?? management.flatMap { $0.answer.state == .unknown ? $0.answer.unknownBecause : nil }
        return SupportAnswer(state: unknown == nil ? .supported : .unknown, until: until, inherited: inherited, through: nil,
                             inheritedUntil: inherited == nil ? nil : management?.answer.until, unknownBecause: unknown)
    }

    /// `supported`, `OUT OF SUPPORT` or `support unknown`.
    public var phrase: String {
        switch state {
        case .supported: return "supported"
        case .outOfSupport: return "OUT OF SUPPORT"
        case .unknown: return "support unknown"
        }
    }

    /// The table cell: `yes`, `NO` or `unknown`.
    public var cell: String {
        switch state {
        case .supported: return "yes"
        case .outOfSupport: return "NO"
        case .unknown: return "unknown"
        }
    }
}
