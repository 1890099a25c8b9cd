/// Planning.md 3, "Certificates first": a management cluster whose certificates have expired, or expire before
/// a rotation could be placed the usual way (in an occurrence of its window that ends at least 7 days before),
/// gets its renewal as its first step, before its platform updates and before every step of its clusters: an
/// update with lapsed certificates fails, and nothing the plan does for its clusters should wait behind them.
enum CertificateRenewal {
    /// How long before the expiry a rotation placed the usual way ends.
    static let leadDays = 7

    /// Why a management cluster's certificates may need renewing first: expired on `--as-of`, or expiring before
    /// any occurrence of its window that ends 7 days ahead of them (then only if no platform update renews them
    /// first: the planning pipeline checks the placed updates).
    enum Lapse: Equatable {
        case expired(CalendarDate)
        case tooSoon(CalendarDate)

        var expiry: CalendarDate {
            switch self {
            case .expired(let day), .tooSoon(let day): return day
            }
        }
    }

    static func lapse(of management: ManagementCluster, context: PlanningContext) -> Lapse? {
        guard let lastUpdated = management.lastUpdated, let timeline = context.timeline(of: management) else { return nil }
        let expiry = lastUpdated.adding(days: timeline.rules.certificateValidity.days)
        guard expiry <= context.horizonEnd else { return nil }
        if expiry <= context.asOf { return .expired(expiry) }
        let minutes = context.policy.durations.controlPlane.minutes
        let latestEnd = Instant(startOf: expiry.adding(days: -leadDays))
        let roomBefore = management.window.map { window in
            context.occurrences(of: window.name).contains { $0.start >= Instant(startOf: context.asOf) && $0.end <= latestEnd && $0.durationMinutes >= minutes }
        } ?? false
        return roomBefore ? nil : .tooSoon(expiry)
    }

    /// The first-step rotation for a management cluster whose certificates lapse (`lapse`).
    static func urgentDraft(for management: ManagementCluster, lapse: Lapse, context: PlanningContext) -> StepDraft? {
        guard let timeline = context.timeline(of: management) else { return nil }
        let validity = timeline.rules.certificateValidity.days
        let expiry = lapse.expiry
        let minutes = context.policy.durations.controlPlane.minutes
        var draft = StepDraft(kind: .certificateRotation, cluster: nil, management: management.name, sequence: -1,
                              ringIndex: -1, from: expiry.description, estimatedMinutes: minutes)
        draft.due = expiry
        draft.dueReason = "certificates expire \(validity) days after the last renewal, on \(expiry)"
        let state: String
        switch lapse {
        case .expired: state = "expired on \(expiry)"
        case .tooSoon: state = "expire on \(expiry), before a rotation could end \(leadDays) days ahead of them and before a platform update renews them"
        }
        draft.addReason("the certificates of \(management.name) \(state): they are renewed first, before every other step of \(management.name) and its clusters \(command(for: timeline.platform))",
                        from: management.position)
        draft.renewsCertificatesForDays = validity
        return draft
    }

    /// Whether a platform update placed in `schedule` renews `management`'s certificates before `expiry`.
    static func renewedByUpdate(_ management: String, before expiry: CalendarDate, in scheduler: StepScheduler) -> Bool {
        scheduler.requirements.indices.contains { index in
            scheduler.requirements[index].kind == .platformUpdate && scheduler.requirements[index].management == management
                && (scheduler.placements[index].end.map { $0 < Instant(startOf: expiry) } ?? false)
        }
    }

    /// What renews a platform's certificates, as its own pages document it, for a step's reason.
    static func command(for platform: String) -> String {
        switch platform {
        case "aks-hybrid": return "(Update-AksHciCertificates, then Update-AksHciClusterCertificates per cluster: AKS-Arc/update-certificates.md)"
        case "aks-arc": return "(Azure Local documents no certificate rotation command for AKS Arc; a solution update within a year keeps them valid: azure-local/release-information-23h2.md)"
        default: return "(no documented command is known for this platform)"
        }
    }

    /// A warning for each management cluster whose rotation has no documented command on its platform.
    static func undocumentedFindings(rotations: [(management: ManagementCluster, expiry: CalendarDate)]) -> [Finding] {
        var seen = Set<String>()
        var findings: [Finding] = []
        for rotation in rotations where rotation.management.platform.name != "aks-hybrid" && seen.insert(rotation.management.name).inserted {
            findings.append(Finding(.warning, code: "certificate-renewal-undocumented", subject: "management-cluster/\(rotation.management.name)",
                                    message: "management cluster \(rotation.management.name) needs its certificates renewed (they expire on \(rotation.expiry)), but \(rotation.management.platform.name) documents no command that renews them apart from a platform update: the plan keeps the date in its window; ask Microsoft support how to renew them, or make the platform update possible in time.",
                                    position: rotation.management.position, due: rotation.expiry))
        }
        return findings
    }
}
