import Testing
@testable import UpkeepKit

/// Planning.md 3, "Certificates first": lapsed certificates are renewed before every other step of the management
/// cluster and its clusters; a renewal restarts the clock; a renewal never waits for workload steps.
@Suite("Certificates first")
struct CertificatesFirstTests {
    typealias P = PlanFixtures

    /// A platform whose current release 1.0.1.0 is out of support by the horizon (1.0.2.0 and 1.0.3.0 follow) and
    /// whose clusters need a patch only 1.0.3.0 offers.
    static let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"]),
                                  P.Release(version: "1.0.2.0", released: "2024-03-01", versions: ["1.28.1", "1.29.1"]),
                                  P.Release(version: "1.0.3.0", released: "2024-06-20", versions: ["1.28.2", "1.29.2"])])

    static func plan(lastUpdated: String, clusters: [P.Cluster] = [P.Cluster(name: "alpha", version: "1.29.1")]) -> Plan {
        P.plan(platform: feed, fleet: P.fleet(management: "1.0.1.0", lastUpdated: lastUpdated, clusters: clusters)).0
    }

    @Test func certificatesFirst_expiredAreRenewedBeforeEveryOtherStep() throws {
        // 90 days from 2024-03-01: expired on 2024-05-30, a month before the plan starts.
        let plan = Self.plan(lastUpdated: "2024-03-01")
        let rotation = try #require(plan.steps.first { $0.kind == .certificateRotation })
        #expect(rotation.from == "2024-05-30" && rotation.status == .late)
        let end = try #require(rotation.end)
        let others = plan.steps.filter { $0.id != rotation.id && ($0.managementCluster == "mgmt") }
        #expect(!others.isEmpty)
        for step in others { #expect((step.start ?? end) >= end, "\(step.id) starts before the renewal") }
        // Every other step of the management cluster and its clusters waits for it, directly or through its sequence.
        #expect(plan.steps.contains { $0.kind == .platformUpdate && $0.after.contains(rotation.id) })
        #expect(plan.steps.contains { $0.cluster == "alpha" && $0.after.contains(rotation.id) })
        // The platform update after it does not claim to renew certificates that had already lapsed.
        #expect(!plan.steps.contains { $0.kind == .platformUpdate && $0.reasons.contains { $0.contains("certificates expire") } })
    }

    @Test func certificatesFirst_noSecondRotationInsideTheNewValidity() {
        let plan = Self.plan(lastUpdated: "2024-03-01")
        let renewals = plan.steps.filter { ($0.kind == .certificateRotation || $0.kind == .platformUpdate) && $0.end != nil }
            .sorted { ($0.end ?? Instant(minutesSinceEpoch: 0)) < ($1.end ?? Instant(minutesSinceEpoch: 0)) }
        for rotation in plan.steps where rotation.kind == .certificateRotation {
            guard let start = rotation.start else { continue }
            // The newest renewal that ended before this rotation: the certificates are valid 90 days from it.
            guard let previous = renewals.last(where: { ($0.end ?? start) < start }), let end = previous.end else { continue }
            #expect(start.utcDate >= end.utcDate.adding(days: 90 - 7 - 7), "\(rotation.id) inside the validity renewed by \(previous.id)")
        }
    }

    @Test func certificatesFirst_anUpdateInTimeRenewsThemWithoutARotation() {
        // Expire on 2024-07-09 (no Sunday window ends a week ahead of them), and the update on Sunday 2024-07-07
        // renews them: no rotation before it.
        let plan = Self.plan(lastUpdated: "2024-04-10")
        let update = plan.steps.first { $0.kind == .platformUpdate }
        #expect(update?.start?.utcDate.description == "2024-07-07")
        #expect(!plan.steps.contains { $0.kind == .certificateRotation && ($0.start?.utcDate.description ?? "") <= "2024-07-09" })
    }

    @Test func certificatesFirst_renewalNeverWaitsForWorkloadSteps() throws {
        // Expiring in 3 days, nothing to update: the renewal goes into the first Sunday even though a cluster's
        // steps are placed before it on other days.
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-06-01", versions: ["1.28.1", "1.28.2"])])
        let fleet = P.fleet(management: "1.0.1.0", lastUpdated: "2024-04-05", clusters: [P.Cluster(name: "alpha", version: "1.28.1")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet)
        let rotation = try #require(plan.steps.first { $0.kind == .certificateRotation })
        #expect(rotation.start?.description == "2024-07-07T03:00:00Z")
        #expect(rotation.after.isEmpty)
    }
}
