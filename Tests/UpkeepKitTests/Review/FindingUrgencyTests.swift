import Testing
@testable import UpkeepKit

/// Issue 31: one urgency order in the finding catalog, used by every output, and findings grouped by cause.
@Suite("Urgency order and grouping by cause")
struct FindingUrgencyTests {
    static let asOf = SupportFixtures.date("2026-12-07")

    static func finding(_ code: String, _ subject: String, due: String? = nil, severity: Diagnostic.Severity = .error,
                        concern: FindingConcern? = nil, cause: String? = nil) -> Finding {
        Finding(severity, code: code, subject: subject, message: "\(subject) \(cause ?? code)", position: nil,
                due: due.map(SupportFixtures.date), concern: concern, cause: cause)
    }

    @Test func urgency_inputsThenOutOfSupportWithinSevenDaysThenCertificatesThenAdvisoriesPastDueThenTheRestByDate() {
        let findings = [
            Self.finding("support-gap-no-image", "cluster/later/pool/p", due: "2027-02-01"),
            Self.finding("advisory-overdue", "cluster/exposed", due: "2026-11-01"),
            Self.finding("certificates-expired", "management-cluster/m", due: "2026-12-30"),
            Self.finding("support-gap-no-version", "cluster/soon", due: "2026-12-14"),
            Self.finding("support-gap-no-version", "cluster/already", due: "2025-01-01"),
            Self.finding("no-upgrade-path", "cluster/undated"),
            Self.finding("inventory-drift", "cluster/drifted"),
            Self.finding("step-late", "management-cluster/m", due: "2026-10-01", concern: .certificates),
        ]
        let ordered = FindingCatalog.urgentFirst(findings, asOf: Self.asOf).map(\.subject)
        #expect(ordered == ["cluster/drifted", "cluster/already", "cluster/soon", "management-cluster/m", "management-cluster/m",
                            "cluster/exposed", "cluster/later/pool/p", "cluster/undated"])
        // Eight days ahead is not "now": it is among the rest, by its date.
        let eightDays = Self.finding("support-gap-no-version", "cluster/eight", due: "2026-12-15")
        #expect(FindingCatalog.urgency(of: eightDays, asOf: Self.asOf) == .rest)
    }

    @Test func urgency_errorsComeBeforeWarningsWhateverTheirClass() {
        let warning = Self.finding("certificate-renewal-undocumented", "management-cluster/m", due: "2026-12-08", severity: .warning)
        let error = Self.finding("no-upgrade-path", "cluster/c")
        #expect(FindingCatalog.urgentFirst([warning, error], asOf: Self.asOf).map(\.code) == ["no-upgrade-path", "certificate-renewal-undocumented"])
    }

    @Test func urgency_anAdvisoryDueAheadIsNotPastDue() {
        let ahead = Self.finding("advisory-overdue", "cluster/c", due: "2026-12-07")
        #expect(FindingCatalog.urgency(of: ahead, asOf: Self.asOf) == .rest)
    }

    @Test func grouping_findingsOfOneCodeAndCauseAreOneEntryListingTheirSubjects() {
        let cause = "is exposed to CVE-1 (due 2025-01-01), but no version offered to it within the horizon fixes it."
        let findings = [
            Self.finding("nothing-to-fix-with", "cluster/a", severity: .warning, cause: cause),
            Self.finding("feed-stale", "kubernetes", severity: .warning),
            Self.finding("nothing-to-fix-with", "cluster/b", severity: .warning, cause: cause),
            Self.finding("nothing-to-fix-with", "cluster/c", severity: .warning, cause: "is exposed to CVE-2 (due 2025-01-01), but …"),
        ]
        let groups = FindingGroup.grouping(findings)
        #expect(groups.map(\.findings.count) == [2, 1, 1])
        #expect(groups[0].textLine == "warning nothing-to-fix-with 2 subjects (cluster/a, cluster/b); each \(cause)")
        // A lone finding keeps its whole message.
        #expect(groups[2].textLine == "warning nothing-to-fix-with cluster/c: \(findings[3].message)")
    }

    @Test func grouping_aLongListNamesTwelveSubjectsAndCountsTheRest() {
        let findings = (1...40).map { Self.finding("nothing-to-fix-with", "cluster/c\($0)", severity: .warning, cause: "x.") }
        let group = FindingGroup.grouping(findings)[0]
        #expect(group.textLine.hasPrefix("warning nothing-to-fix-with 40 subjects (cluster/c1, ") && group.textLine.contains("cluster/c12 and 28 more); each x."))
    }

    /// The messy fleet: its fleet-wide advisory gap is one line in check's text, and the plan's JSON keeps every
    /// subject of it.
    @Test func grouping_theJSONPlanKeepsEachSubjectOfAGroupedLine() throws {
        let inputs = ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026", "--as-of", "2026-12-07"]
        let check = TestSupport.unfolded(try ValidateCommandTests.upkeep(["check"] + inputs).output)
        let line = try #require(check.split(separator: "\n").first { $0.contains("nothing-to-fix-with") && $0.contains("CVE-2025-13281 (due 2025-12-31)") })
        #expect(line.contains("warning nothing-to-fix-with 6 subjects ("), "\(line)")
        #expect(check.split(separator: "\n").count { $0.contains("CVE-2025-13281 (due 2025-12-31), but no version") } == 1)
        let plan = try ValidateCommandTests.upkeep(["plan"] + inputs + ["--format", "json"]).output
        #expect(plan.components(separatedBy: "is exposed to CVE-2025-13281 (due 2025-12-31), but no version").count - 1 == 6)
    }
}
