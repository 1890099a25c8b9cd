/// Planning.md 2, "Nothing to fix it with", and 3, "Certificates first": certificates are renewed by a rotation
/// when no platform update renews them in time.
enum CertificateRound {
    /// When no platform update or rotation already placed renews a management cluster's certificates before they
    /// expire, a rotation goes in the last occurrence of its window that ends at least 7 days before the expiry;
    /// each renewal restarts the clock, so a long horizon may hold several. A rotation placed first (the
    /// certificates had lapsed: `CertificateRenewal`) renews them like any other; a platform update renews them
    /// only while they are valid. Returns a warning for each management cluster whose platform documents no
    /// rotation command.
    static func add(to scheduler: inout StepScheduler, context: PlanningContext) -> [Finding] {
        var placedRotations: [String: [Instant]] = [:]
        for (index, requirement) in scheduler.requirements.enumerated() where requirement.kind == .certificateRotation {
            if let management = requirement.management, let end = scheduler.placements[index].end { placedRotations[management, default: []].append(end) }
        }
        var rotations: [(management: ManagementCluster, expiry: CalendarDate)] = []
        for management in context.engine.inputs.managementClusters.sorted(by: { UTF8Order.precedes($0.name, $1.name) }) {
            guard let lastUpdated = management.lastUpdated, let timeline = context.timeline(of: management) else { continue }
            let validity = timeline.rules.certificateValidity.days
            var expiry = lastUpdated.adding(days: validity)
            let firstExpiry = expiry
            var rotated = placedRotations[management.name] != nil
            let updates = scheduler.placedPlatformUpdates(of: management.name).compactMap { scheduler.placements[$0].end }
            let renewals = (updates.map { ($0, false) } + (placedRotations[management.name] ?? []).map { ($0, true) }).sorted { $0.0 < $1.0 }
            var earliest = Instant(startOf: context.asOf)
            var guardCount = 0
            while expiry <= context.horizonEnd && guardCount < 100 {
                guardCount += 1
                if let renewal = renewals.first(where: { $0.0 > earliest && ($0.1 || $0.0 < Instant(startOf: expiry)) }) {
                    expiry = renewal.0.utcDate.adding(days: validity)
                    earliest = renewal.0
                    continue
                }
                var draft = StepDraft(kind: .certificateRotation, cluster: nil, management: management.name, sequence: 500 + guardCount,
                                      ringIndex: -1, from: expiry.description, estimatedMinutes: context.policy.durations.controlPlane.minutes)
                draft.due = expiry
                draft.dueReason = "certificates expire \(validity) days after the last renewal, on \(expiry)"
                draft.addReason("no platform update renews the certificates of \(management.name) before \(expiry) \(CertificateRenewal.command(for: timeline.platform))",
                                from: management.position)
                draft.renewsCertificatesForDays = validity
                let deadline = Instant(startOf: expiry.adding(days: -CertificateRenewal.leadDays))
                rotated = true
                guard let end = scheduler.placeCertificateRotation(draft, endingBy: deadline, earliest: earliest) else { break }
                expiry = end.utcDate.adding(days: validity)
                earliest = end
            }
            if rotated { rotations.append((management, firstExpiry)) }
        }
        return CertificateRenewal.undocumentedFindings(rotations: rotations)
    }
}
