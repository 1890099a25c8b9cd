import Testing
@testable import UpkeepKit

/// planning.md section 5: placing steps into windows.
@Suite("Scheduling into windows (planning.md 5)")
struct SchedulingTests {
    typealias P = PlanFixtures

    static let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"])], rules: "supportedMinors: 2")

    static let advisory = """
        apiVersion: upkeep/v1
        kind: SecurityAdvisory
        id: CVE-2099-0003
        published: 2024-06-25
        severity: high
        os: windows
        affects: { kubernetes: [{ introduced: 1.28.0, fixed: 1.29.0 }] }
        """

    @Test func freezes_allowSecurityLetsOnlySecurityStepsThrough() throws {
        let freeze = "  - { name: summer, from: 2024-07-01, to: 2024-07-31, allow: security, rings: [prod] }\n"
        let fleet = P.fleet(clusters: [
            P.Cluster(name: "plain", version: "1.28.1", ring: "prod"),
            P.Cluster(name: "exposed", version: "1.28.1", ring: "prod", pools: [P.Pool(name: "win", os: "windows", family: "windows-1", version: "1.28.1", image: "20348.1.240601")]),
            P.Cluster(name: "devbox", version: "1.28.1", ring: "dev"),
        ])
        let (plan, _) = P.plan(platform: Self.feed, fleet: fleet, schedule: P.schedule(freezes: freeze),
                               policy: P.policy("target: latest\n"), extra: ["advisory.yaml": Self.advisory])
        let plain = try #require(plan.steps(of: "plain").first?.start)
        let exposed = try #require(plan.steps(of: "exposed").first?.start)
        let devbox = try #require(plan.steps(of: "devbox").first?.start)
        #expect(plain >= Instant(startOf: SupportFixtures.date("2024-08-01")))
        #expect(exposed < Instant(startOf: SupportFixtures.date("2024-07-31")))
        // The freeze names only prod: dev is not frozen.
        #expect(devbox < Instant(startOf: SupportFixtures.date("2024-07-03")))
    }

    @Test func freezes_withoutAllowanceHoldEveryStepAndPlatformStepsObeyOnlyRinglessFreezes() throws {
        let ringless = "  - { name: all, from: 2024-07-01, to: 2024-07-14 }\n"
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1"]),
                               P.Release(version: "1.0.2.0", released: "2024-02-01", versions: ["1.28.1"]),
                               P.Release(version: "1.0.3.0", released: "2024-03-01", versions: ["1.28.1"])])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []), schedule: P.schedule(freezes: ringless))
        #expect(try #require(plan.steps.first { $0.kind == .platformUpdate }?.start) >= Instant(startOf: SupportFixtures.date("2024-07-15")))
        let prodOnly = "  - { name: prod, from: 2024-07-01, to: 2024-07-14, rings: [prod] }\n"
        let (unfrozen, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []), schedule: P.schedule(freezes: prodOnly))
        #expect(try #require(unfrozen.steps.first { $0.kind == .platformUpdate }?.start) < Instant(startOf: SupportFixtures.date("2024-07-08")))
    }

    @Test func duration_aStepLongerThanItsWindowIsUnschedulable() throws {
        let cluster = P.Cluster(name: "huge", version: "1.28.1", pools: [P.Pool(version: "1.28.1", nodes: 100, maxSurge: 1)])
        let (plan, _) = P.plan(platform: Self.feed, fleet: P.fleet(clusters: [cluster]), policy: P.policy("target: latest\n"))
        let step = try #require(plan.steps(of: "huge").first)
        #expect(step.status == .unschedulable && step.start == nil && step.occurrence == nil)
        #expect(step.estimatedMinutes == 30 + 100 * 12)
        #expect(plan.findings.contains { $0.code == "step-unschedulable" && $0.message.contains("it needs 20h 30m; window daily is 4h") })
        #expect(plan.needsAttention)
    }

    @Test func duration_estimatesFollowThePolicy() throws {
        let cluster = P.Cluster(name: "alpha", version: "1.28.1", pools: [P.Pool(name: "a", version: "1.28.1", nodes: 5, maxSurge: 2),
                                                                          P.Pool(name: "b", version: "1.28.1", nodes: 3, maxSurge: 1)])
        let (plan, _) = P.plan(platform: Self.feed, fleet: P.fleet(clusters: [cluster]),
                               policy: P.policy("target: latest\ndurations: { controlPlane: 20m, perNode: 10m }\n"))
        // 20m control plane + ceil(5/2)×10m + 3×10m
        #expect(plan.steps(of: "alpha").first?.estimatedMinutes == 20 + 30 + 30)
    }

    @Test func maxParallel_limitsClustersPerOccurrence() {
        let window = """
              - name: narrow
                timeZone: UTC
                weekly: { days: [monday], start: "01:00", duration: 8h }
                maxParallel: 2
            """
        let clusters = ["a", "b", "c"].map { P.Cluster(name: $0, version: "1.28.1", window: "narrow") }
        let (plan, _) = P.plan(platform: Self.feed, fleet: P.fleet(clusters: clusters), schedule: P.schedule(extraWindows: window),
                               policy: P.policy("target: latest\n"))
        let days = ["a", "b", "c"].map { plan.steps(of: $0).first?.start?.utcDate.description ?? "-" }
        #expect(days == ["2024-07-01", "2024-07-01", "2024-07-08"])
    }

    @Test func placement_oneClusterTakesSeveralStepsInOneOccurrenceOneAfterAnother() {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.27.1", "1.28.1", "1.29.1"])])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.27.1")]), policy: P.policy("target: latest\n"))
        let steps = plan.steps(of: "alpha")
        #expect(steps.count == 2)
        #expect(steps[0].occurrence == steps[1].occurrence)
        #expect(steps[0].end == steps[1].start)
    }

    @Test func placement_earliestDeadlineFirst() throws {
        // zzz-sooner must leave 1.27 by 2024-07-10; aaa-later's patch 1.28.1 is dropped, due 2024-07-20.
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.27.1", "1.28.1"]),
                               P.Release(version: "1.0.2.0", released: "2024-06-20", versions: ["1.27.1", "1.28.2"],
                                         extra: "    endOfSupport: [{ minor: \"1.27\", date: 2024-07-10 }]\n")], rules: "supportedMinors: 2")
        let window = """
              - name: single
                timeZone: UTC
                weekly: { days: [monday], start: "01:00", duration: 1h }
                maxParallel: 1
            """
        let fleet = P.fleet(management: "1.0.2.0", clusters: [P.Cluster(name: "aaa-later", version: "1.28.1", window: "single"),
                                                              P.Cluster(name: "zzz-sooner", version: "1.27.1", window: "single")])
        let (plan, _) = P.plan(platform: feed, fleet: fleet, schedule: P.schedule(extraWindows: window), policy: P.policy("target: latest\n"))
        let sooner = try #require(plan.steps(of: "zzz-sooner").first)
        let later = try #require(plan.steps(of: "aaa-later").first)
        #expect(sooner.due == SupportFixtures.date("2024-07-10") && later.due == SupportFixtures.date("2024-07-20"))
        #expect(sooner.start?.description == "2024-07-01T01:00:00Z")
        #expect(later.start?.description == "2024-07-08T01:00:00Z")
        #expect(sooner.order < later.order)
    }

    @Test func late_aStepEndingAfterItsDueDateIsLateWithAFindingThatSaysWhy() throws {
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-01-01", versions: ["1.28.1", "1.29.1"],
                                         extra: "    endOfSupport: [{ minor: \"1.28\", date: 2024-07-03 }]\n")], rules: "supportedMinors: 2")
        let window = """
              - name: rare
                timeZone: UTC
                monthly: { dayOfMonth: 15, start: "01:00", duration: 4h }
            """
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: [P.Cluster(name: "alpha", version: "1.28.1", window: "rare")]),
                               schedule: P.schedule(extraWindows: window))
        let step = try #require(plan.steps(of: "alpha").first)
        #expect(step.status == .late && step.due == SupportFixtures.date("2024-07-03"))
        let finding = try #require(plan.findings.first { $0.code == "step-late" })
        #expect(finding.severity == .error && finding.subject == "cluster/alpha")
        #expect(finding.message.contains("Kubernetes 1.28 support on p ends on 2024-07-03"))
        #expect(finding.message.contains("an earlier, longer or extra occurrence of window rare would make it on time"))
    }

    @Test func stoppedCluster_stepsArePlannedButBlockedUntilStarted() throws {
        let cluster = P.Cluster(name: "sleepy", version: "1.28.1", extra: "    state: { stoppedSince: 2024-06-20 }\n")
        let (plan, _) = P.plan(platform: Self.feed, fleet: P.fleet(clusters: [cluster]), policy: P.policy("target: latest\n"))
        let step = try #require(plan.steps(of: "sleepy").first)
        #expect(step.status == .blocked && step.start == nil)
        #expect(plan.findings.contains { $0.code == "step-blocked" && $0.message.contains("start it before 2024-09-18") })
        let (tooLong, _) = P.plan(platform: Self.feed, fleet: P.fleet(clusters: [cluster]), policy: P.policy("target: latest\n"), asOf: "2024-10-01")
        #expect(tooLong.steps(of: "sleepy").isEmpty)
        #expect(tooLong.findings.contains { $0.code == "stopped-too-long" })
    }

    @Test func certificates_rotationGoesInTheLastOccurrenceEndingAWeekBeforeExpiry() throws {
        // Certificates from 2024-06-01 expire on 2024-08-30; no platform update is planned.
        let feed = P.platform([P.Release(version: "1.0.1.0", released: "2024-06-01", versions: ["1.28.1"])])
        let (plan, _) = P.plan(platform: feed, fleet: P.fleet(clusters: []))
        let rotations = plan.steps.filter { $0.kind == .certificateRotation }
        // Sundays: 08-18 ends 07:00, more than 7 days before 08-30; 08-25 is too late.
        #expect(rotations.first?.start?.description == "2024-08-18T03:00:00Z")
        #expect(rotations.first?.from == "2024-08-30" && rotations.first?.to == "2024-11-16")
        // Named by the expiry it renews, not by its slot: the id stays when the slot moves.
        #expect(rotations.first?.id == "mgmt/certificates/2024-08-30")
        // The clock restarts: the next expiry (2024-11-16) gets its own rotation within the horizon.
        #expect(rotations.map { $0.start?.utcDate.description ?? "" } == ["2024-08-18", "2024-11-03"])
    }

    @Test func plansAreByteIdenticalWhateverTheInputOrder() throws {
        let forward = try ValidateCommandTests.upkeep(["plan", "releases", "schedules", "Tests/UpkeepKitTests/Fixtures/sample-2024", "--as-of", "2024-07-01", "--format", "json"])
        let backward = try ValidateCommandTests.upkeep(["plan", "Tests/UpkeepKitTests/Fixtures/sample-2024/fleet.yaml", "schedules/", "releases/advisories", "releases", "--as-of", "2024-07-01", "--format", "json"])
        #expect(forward.status == 3)
        #expect(forward.output == backward.output)
    }
}
