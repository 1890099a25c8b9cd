import Foundation
import Testing
@testable import UpkeepKit

/// planning.md 2, "One verdict, everywhere": a cluster under a retired host, under a release out of support and
/// under a release newer ones without published versions have followed gets one verdict, which status (text,
/// markdown, JSON), the plan's rows, the report and `check` all give; and a replayed day knows only what was
/// published by then.
@Suite("One support verdict in every output (planning.md 2)")
struct OneVerdictTests {
    static let inputs = ["releases", "Tests/UpkeepKitTests/Fixtures/messy-2026"]

    struct Case: Sendable, CustomStringConvertible {
        var cluster: String
        var management: String
        var asOf: String
        /// nil: unknown.
        var supported: Bool?
        var reason: String
        var description: String { "\(cluster) on \(asOf)" }
    }

    static let cases = [
        // hci-legacy runs aks-hybrid on Windows Server 2019 hosts, retired on 2026-03-01.
        Case(cluster: "legacy-win", management: "hci-legacy", asOf: "2026-12-07", supported: false,
             reason: "aks-hybrid is retired on windows-server-2019 hosts: no release of it is supported from 2026-03-01"),
        // arc-berlin's 2510 left its six months on 2026-04-24; shop-dev's own 1.31 is fine.
        Case(cluster: "shop-dev", management: "arc-berlin", asOf: "2026-12-07", supported: false,
             reason: "aks-arc 2510 came out on 2025-10-24; each release is supported for 6 months, until 2026-04-24"),
        // On 2026-01-10 2510 is supported, but 2511 and 2512 came out without published versions.
        Case(cluster: "shop-dev", management: "arc-berlin", asOf: "2026-01-10", supported: nil,
             reason: "2511 (2025-11-18), 2512 (2025-12-16) came out after 2510"),
    ]

    static func run(_ command: String, _ verdict: Case, _ extra: [String] = []) throws -> ValidateCommandTests.Run {
        try ValidateCommandTests.upkeep([command] + Self.inputs + ["--as-of", verdict.asOf] + extra)
    }

    @Test(arguments: cases) func statusText(_ verdict: Case) throws {
        let output = try Self.run("status", verdict).output
        let row = try #require(output.split(separator: "\n").first { $0.hasPrefix("  \(verdict.cluster) ") })
        #expect(row.contains(verdict.supported == false ? " NO " : " unknown "), "\(row)")
        #expect(output.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ").contains(verdict.reason))
        if verdict.supported == false {
            #expect(output.contains("why: management cluster \(verdict.management) is out of support: "))
            #expect(output.contains("its own rules: Kubernetes "))
        }
    }

    @Test(arguments: cases) func statusMarkdown(_ verdict: Case) throws {
        let output = try Self.run("status", verdict, ["--format", "markdown"]).output
        let row = try #require(output.split(separator: "\n").first { $0.hasPrefix("| **\(verdict.cluster)** |") })
        #expect(row.contains(verdict.supported == false ? "| ❌ |" : "| ❔ unknown |"), "\(row)")
        #expect(row.contains(verdict.reason), "\(row)")
    }

    static func jsonCluster(_ root: Any?, _ name: String) -> [String: Any]? {
        ((root as? [String: Any])?["clusters"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    @Test(arguments: cases) func statusJSON(_ verdict: Case) throws {
        let output = try Self.run("status", verdict, ["--format", "json"]).output
        let cluster = try #require(Self.jsonCluster(try JSONSerialization.jsonObject(with: Data(output.utf8)), verdict.cluster))
        if verdict.supported == false {
            #expect(cluster["supported"] as? Bool == false)
            let through = try #require(cluster["supportThrough"] as? [String: Any])
            #expect(through["managementCluster"] as? String == verdict.management)
            #expect((through["reason"] as? String)?.contains(verdict.reason) == true)
        } else {
            #expect(cluster["supported"] as? String == "unknown" && cluster["supportThrough"] is NSNull)
            #expect((cluster["supportUnknownBecause"] as? String)?.contains(verdict.reason) == true)
        }
    }

    @Test(arguments: cases) func planRows(_ verdict: Case) throws {
        let output = try Self.run("plan", verdict, ["--format", "json"]).output
        let cluster = try #require(Self.jsonCluster(try JSONSerialization.jsonObject(with: Data(output.utf8)), verdict.cluster))
        let support = try #require(cluster["support"] as? [String: Any])
        if verdict.supported == false {
            #expect(support["supported"] as? Bool == false)
            #expect((support["through"] as? [String: Any])?["managementCluster"] as? String == verdict.management)
        } else {
            #expect(support["supported"] as? String == "unknown")
            #expect((support["unknownBecause"] as? String)?.contains(verdict.reason) == true)
        }
    }

    @Test(arguments: cases) func planYAML(_ verdict: Case) throws {
        let output = try Self.run("plan", verdict, ["--format", "yaml"]).output
        let row = try #require(output.components(separatedBy: "    name: \"\(verdict.cluster)\"\n").dropFirst().first?.components(separatedBy: "\n  - ").first)
        if verdict.supported == false {
            #expect(row.contains("    support:\n      supported: false\n      through:\n        managementCluster: \"\(verdict.management)\""), "\(row)")
        } else {
            #expect(row.contains("    support:\n      supported: \"unknown\"\n      through: null\n"), "\(row)")
        }
    }

    /// The plan's markdown gives the management clusters' verdicts (its steps name the clusters).
    @Test(arguments: cases.filter { $0.supported == false }) func planMarkdown(_ verdict: Case) throws {
        let output = try Self.run("plan", verdict, ["--format", "markdown"]).output
        let row = try #require(output.split(separator: "\n").first { $0.hasPrefix("| \(verdict.management) |") })
        #expect(row.contains("| ❌ out of support |"), "\(row)")
    }

    @Test(arguments: cases) func report(_ verdict: Case) throws {
        let folder = try CheckCommandTests.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html").path
        _ = try Self.run("report", verdict, ["-o", file])
        let html = try String(contentsOfFile: file, encoding: .utf8)
        // The row's class names its urgency too (`row cluster u-now`).
        let row = try #require(html.components(separatedBy: "\" data-subject=\"\(verdict.cluster)\" data-kind=\"cluster\"").dropFirst().first?
            .components(separatedBy: "</div>").first)
        #expect(row.contains(verdict.supported == false ? "<span class=\"verdict out-of-support\"" : "<span class=\"verdict unknown\""), "\(row)")
    }

    /// A ticket of a subject out of support says so first (a rotation keeps a retired host running; it does not
    /// bring it back into support), as status does.
    @Test(arguments: cases.filter { $0.supported == false }) func tickets(_ verdict: Case) throws {
        let (inputs, _) = TestSupport.load(paths: Self.inputs.map { TestSupport.packageRoot.appendingPathComponent($0).path })
        let plan = Planner.plan(inputs: inputs, asOf: SupportFixtures.date(verdict.asOf))
        let tickets = ChangeTicket.tickets(for: plan, inputs: inputs).filter { $0.event.subject == "management-cluster/\(verdict.management)" }
        try #require(!tickets.isEmpty)
        for ticket in tickets {
            let first = try #require(ticket.justification.first)
            #expect(first.hasPrefix("management cluster \(verdict.management) is out of support on \(verdict.asOf): ") && first.contains(verdict.reason), "\(first)")
        }
    }

    @Test(arguments: cases) func check(_ verdict: Case) throws {
        let output = try Self.run("check", verdict).output
        let sentence = try #require(output.split(separator: "\n").first { $0.hasPrefix("On \(verdict.asOf): ") })
        if verdict.supported == false {
            #expect(sentence.contains("through their management cluster"), "\(sentence)")
            #expect(output.contains("error ") && output.contains("management-cluster/\(verdict.management)"))
        } else {
            #expect(!sentence.contains("; 0 whose support the feeds cannot tell"), "\(sentence)")
        }
    }

    /// Replaying 2025-10-15 on the examples: 2510 came out on 2025-10-24, so no release after it is named, arc-plant
    /// (which the fleet says runs 2510) is unknown with a warning rather than out of support, and nothing says
    /// "newer releases exist".
    @Test func aReplayedDayNamesNoLaterRelease() throws {
        let run = try ValidateCommandTests.upkeep(["status", "releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-10-15"])
        for later in ["2511", "2512", "2601", "2602", "newer releases exist"] {
            #expect(!run.output.contains(later), "\(later)")
        }
        #expect(run.output.contains("Management cluster arc-plant (aks-arc 2510): support unknown"))
        let unwrapped = run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(unwrapped.contains("warning fact-newer-than-as-of management-cluster/arc-plant: aks-arc release 2510, which management cluster arc-plant runs, came out on 2025-10-24, after 2025-10-15"))
        #expect(!run.output.contains("error platform-release-unsupported management-cluster/arc-plant"))
        let plan = try ValidateCommandTests.upkeep(["plan", "releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-10-15"])
        #expect(!plan.output.contains("2511") && !plan.output.contains("support-gap-no-release management-cluster/arc-plant"), "\(plan.output)")
    }
}
