/// Planning.md 2, "Nothing to fix it with": certificates are renewed by a rotation when no platform
/// update renews them in time.
enum CertificateRound {
    /// When no platform update renews a management cluster's certificates before they expire, a
    /// rotation goes in the last occurrence of its window that ends at least 7 days before the expiry;
    /// each renewal restarts the clock, so a long horizon may hold several.
    static func add(to scheduler: inout StepScheduler, context: PlanningContext) {
        for management in context.engine.inputs.managementClusters.sorted(by: { UTF8Order.precedes($0.name, $1.name) }) {
            guard let lastUpdated = management.lastUpdated, let timeline = context.timeline(of: management) else { continue }
            let validity = timeline.rules.certificateValidity.days
            var expiry = lastUpdated.adding(days: validity)
            let updates = scheduler.placedPlatformUpdates(of: management.name).compactMap { scheduler.placements[$0].end }.sorted()
            var earliest = Instant(startOf: context.asOf)
            var guardCount = 0
            while expiry <= context.horizonEnd && guardCount < 100 {
                guardCount += 1
                if let renewal = updates.first(where: { $0 > earliest && $0 < Instant(startOf: expiry) }) {
                    expiry = renewal.utcDate.adding(days: validity)
                    earliest = renewal
                    continue
                }
                var draft = StepDraft(kind: .certificateRotation, cluster: nil, management: management.name, sequence: 500 + guardCount,
                                      ringIndex: -1, from: expiry.description, estimatedMinutes: context.policy.durations.controlPlane.minutes)
                draft.due = expiry
                draft.dueReason = "certificates expire \(validity) days after the last renewal, on \(expiry)"
                draft.addReason("no platform update renews the certificates of \(management.name) before \(expiry) (Update-AksHciCertificates)",
                                from: management.position)
                draft.renewsCertificatesForDays = validity
                let deadline = Instant(startOf: expiry.adding(days: -7))
                guard let end = scheduler.placeCertificateRotation(draft, endingBy: deadline, earliest: earliest) else { break }
                expiry = end.utcDate.adding(days: validity)
                earliest = end
            }
        }
    }
}
