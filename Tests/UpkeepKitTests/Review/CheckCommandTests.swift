import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep check`: the CI gate — every exit code, a stale committed plan, GitHub workflow commands, the job
/// summary, SARIF, and the sample workflow.
@Suite("upkeep check")
struct CheckCommandTests {
    static let failing = ["releases", "schedules", "examples/fleet.yaml", "--as-of", "2025-11-03"]

    /// A standalone cluster on a supported minor: warnings only.
    static let passingFleet = """
        apiVersion: upkeep/v1
        kind: Fleet
        name: passing
        clusters:
          - name: edge
            kubernetesVersion: 1.33.4
            window: first-of-month
            nodePools:
              - { name: default, os: linux, imageFamily: azurelinux-3, kubernetesVersion: 1.33.4, nodeImage: "202510.22.0", nodes: 2 }
        """

    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func aFleetInSupportPassesWithExitZero() throws {
        let fleet = try Self.folder(["fleet.yaml": Self.passingFleet])
        defer { try? FileManager.default.removeItem(at: fleet) }
        // Its pool's image is due for replacement on 2025-12-21 and no catalog has a newer one: a 30-day horizon
        // ends before that.
        let run = try ValidateCommandTests.upkeep(["check", "releases", "schedules", fleet.path, "--as-of", "2025-11-03", "--horizon", "30d"])
        #expect(run.status == 0, "\(run.output)")
        // Warnings (advisories with no fix, advisories whose severity no record gives) do not fail the gate.
        #expect(run.output.contains("upkeep check: 0 errors, ") && run.output.hasSuffix(" warnings; passes.\n"), "\(run.output)")
    }

    @Test func aClusterOutOfSupportWithNoOnTimeStepFailsWithExitThree() throws {
        let raw = try ValidateCommandTests.upkeep(["check"] + Self.failing)
        #expect(raw.status == 3)
        let run = (output: TestSupport.unfolded(raw.output), status: raw.status)
        // arc-plant's release 2510 ends on 2026-04-24, and on 2025-11-03 no later release exists (2511 came out on
        // 2025-11-18: a replayed day sees only what was published by then): nothing can fix it, and the message says
        // why. arc-local reaches 2510 through the plan's own updates and meets the same end after them.
        // The two share the cause: one line names both.
        #expect(run.output.contains("error support-gap-no-release 2 subjects (management-cluster/arc-local, management-cluster/arc-plant); each is out of support from 2026-04-24"), "\(run.output)")
        #expect(run.output.contains("no later aks-arc release is in the feeds") && !run.output.contains("2511"))
        #expect(run.output.contains("(examples/fleet.yaml:23:5 and 1 more)"))
        #expect(run.output.contains("error step-late cluster/factory-prod"))
    }

    @Test func invalidInputIsExitOneAndAnnotatedForGitHub() throws {
        let fleet = try Self.folder(["fleet.yaml": Self.passingFleet.replacingOccurrences(of: "1.33.4\n    window", with: "1.3x.4\n    window")])
        defer { try? FileManager.default.removeItem(at: fleet) }
        let run = try ValidateCommandTests.upkeep(["check", "releases", "schedules", fleet.path, "--format", "github"])
        #expect(run.status == 1)
        let annotation = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("::error file=") })
        #expect(annotation.contains("fleet.yaml,line=6,col=24,title=invalid input::"), "\(annotation)")
    }

    @Test func aStaleCommittedPlanFailsAndNamesTheFile() throws {
        let folder = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.json").path
        let inputs = ["releases", "schedules", "examples/fleet.yaml"]
        #expect(try ValidateCommandTests.upkeep(["plan"] + inputs + ["--as-of", "2025-11-03", "--format", "json", "-o", plan]).status == 3)
        // Current: no plan-stale finding (the plan is compared on its own --as-of, whatever today is).
        let current = try ValidateCommandTests.upkeep(["check"] + inputs + ["--plan", plan])
        #expect(!current.output.contains("plan-stale"), "\(current.output)")
        // The fleet changes, the plan does not: stale.
        let changed = try ValidateCommandTests.upkeep(["check", "releases", "schedules", "examples/pull-request/fleet.yaml", "--plan", plan])
        #expect(changed.status == 3)
        #expect(TestSupport.unfolded(changed.output).contains("error plan-stale plan/\(plan): \(plan) is not the plan of these inputs; write it again with `upkeep plan releases schedules examples/pull-request/fleet.yaml --as-of 2025-11-03 --horizon 180d --format json -o \(plan)`"), "\(changed.output)")
        let notAPlan = try ValidateCommandTests.upkeep(["check"] + inputs + ["--plan", "README.md"])
        #expect(notAPlan.status == 1 && notAPlan.output.contains("README.md is not a plan file"))
    }

    /// `::error file=F,line=L,col=C,title=T::message`, at most ten per level and one line for the rest.
    @Test func githubLinesAreWorkflowCommandsAndTheSummaryIsAppended() throws {
        let folder = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.md")
        try Data("earlier step\n".utf8).write(to: summary)
        let run = try ValidateCommandTests.upkeep(["check"] + Self.failing + ["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(run.status == 3)
        let command = try NSRegularExpression(pattern: "^::(error|warning)( (file=[^,:]+,line=[0-9]+,col=[0-9]+,)?title=[^,:]+)?::[^\\r\\n]+$")
        let lines = run.output.split(separator: "\n").map(String.init)
        let commands = lines.filter { $0.hasPrefix("::") }
        #expect(commands.allSatisfy { command.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }, "\(commands)")
        // GitHub shows ten per level: with more warnings than that, nine and the line that counts the rest.
        #expect(commands.count { $0.hasPrefix("::error") } <= 10)
        #expect(commands.count { $0.hasPrefix("::warning") } == 10, "\(commands)")
        #expect(commands.last { $0.hasPrefix("::warning") }.map { $0.hasPrefix("::warning::") && $0.contains("more warnings not shown") } == true)
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("earlier step\n### Upkeep check: fails"))
    }

    @Test func workflowCommandEscapingKeepsPercentNewlinesAndColons() {
        let message = "100% done\r\nnext::line, a:b"
        let escaped = CheckRenderer.data(message)
        #expect(escaped == "100%25 done%0D%0Anext::line, a:b")
        #expect(CheckRenderer.property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A")
        // What GitHub unescapes gives the message back.
        let unescaped = escaped.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
        #expect(unescaped == message)
        let check = FleetCheck(plan: Plan(asOf: CalendarDate(year: 2025, month: 1, day: 1)!, horizonEnd: CalendarDate(year: 2025, month: 6, day: 1)!,
                                          inputs: [], steps: [], findings: [Finding(.error, code: "x", subject: "cluster/a:b", message: message,
                                                                                    position: SourcePosition(path: "dir,1/fleet:1.yaml", line: 3, column: 4))],
                                          clusters: []))
        let line = CheckRenderer.github(check).split(separator: "\n").first.map(String.init) ?? ""
        #expect(line == "::error file=dir%2C1/fleet%3A1.yaml,line=3,col=4,title=x::cluster/a:b: 100%25 done%0D%0Anext::line, a:b")
    }

    @Test func sarifValidatesAgainstTheCommittedSchemaWithOneResultPerProblem() throws {
        let run = try ValidateCommandTests.upkeep(["check"] + Self.failing + ["--format", "sarif"])
        #expect(run.status == 3)
        let folder = try Self.folder(["check.sarif": run.output])
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = TestSupport.packageRoot.appendingPathComponent("schemas/sarif-2.1.0-subset.schema.json").path
        let checked = try TestSupport.python([TestSupport.tool("validate_plan.py"), schema, folder.appendingPathComponent("check.sarif").path])
        #expect(checked.status == 0, "\(checked.output)")
        let text = try ValidateCommandTests.upkeep(["check"] + Self.failing)
        // One line per cause (folded), then the verdicts' sentence and the count; SARIF has one result per problem.
        let lines = TestSupport.unfolded(text.output).split(separator: "\n")
        let causes = lines.count { $0.hasPrefix("error ") || $0.hasPrefix("warning ") }
        #expect(lines.count == causes + 2 && lines[lines.count - 2].hasPrefix("On 2025-11-03: "), "\(lines.suffix(2))")
        let counts = lines.last.map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } } ?? []
        let problems = counts.reduce(0, +)
        #expect(counts.count == 2 && problems > causes)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let results = try #require(((root["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == problems)
        #expect(results.allSatisfy { ($0["ruleId"] as? String)?.isEmpty == false })
        // GitHub code scanning: every rule has its meaning and help, every result a fingerprint under the key
        // GitHub matches alerts by, unique within the run and the same on a second run.
        let rules = try #require((((root["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        for rule in rules {
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (rule[key] as? [String: Any])?["text"] as? String ?? ""
                #expect(!text.isEmpty && !text.hasPrefix("Upkeep finding "), "\(rule["id"] ?? "") \(key)")
            }
        }
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        #expect(prints.count == results.count && Set(prints).count == prints.count)
        #expect(try ValidateCommandTests.upkeep(["check"] + Self.failing + ["--format", "sarif"]).output == run.output)
        // A document that breaks the schema is caught.
        let broken = try Self.folder(["broken.sarif": run.output.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0\"")])
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try TestSupport.python([TestSupport.tool("validate_plan.py"), schema, broken.appendingPathComponent("broken.sarif").path]).status == 1)
    }

    @Test func theFeedsWorkflowPullsWeeklyAndOpensAPullRequestWithTheDiff() throws {
        let workflow = TestSupport.packageRoot.appendingPathComponent("examples/github/upkeep-feeds.yml").path
        let script = """
            import json, sys, yaml
            doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            on = doc.get("on", doc.get(True))
            steps = doc["jobs"]["pull-feeds"]["steps"]
            print(json.dumps({"cron": on["schedule"][0]["cron"], "runs": "\\n".join(s.get("run", "") for s in steps)}))
            """
        let run = try TestSupport.python(["-c", script, workflow])
        #expect(run.status == 0, "\(run.output)")
        struct Parsed: Decodable { var cron: String; var runs: String }
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(run.output.utf8))
        #expect(parsed.cron.split(separator: " ").count == 5)
        #expect(parsed.runs.contains("upkeep feeds pull --into feeds") && parsed.runs.contains("upkeep diff ") && parsed.runs.contains("gh pr create"))
    }

    struct WorkflowStep: Decodable { var name: String; var run: String?; var uses: String?; var with: [String: String]; var env: [String: String] }
    static let feedsWorkflow = TestSupport.packageRoot.appendingPathComponent("examples/github/upkeep-feeds.yml").path
    static let reviewWorkflow = TestSupport.packageRoot.appendingPathComponent("examples/github/upkeep.yml").path
    static let shellcheck = ["/usr/bin/shellcheck", "/usr/local/bin/shellcheck"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The steps of both sample workflows, by file, read with PyYAML.
    static func workflowSteps() throws -> [String: [WorkflowStep]] {
        let script = """
            import json, sys, yaml
            out = {}
            for path in sys.argv[1:]:
                doc = yaml.safe_load(open(path, encoding="utf-8"))
                out[path] = [{"name": s.get("name", ""), "run": s.get("run"), "uses": s.get("uses"), "with": {k: str(v) for k, v in s.get("with", {}).items()},
                              "env": s.get("env", {})} for job in doc["jobs"].values() for s in job["steps"]]
            print(json.dumps(out))
            """
        let run = try TestSupport.python(["-c", script, feedsWorkflow, reviewWorkflow])
        #expect(run.status == 0, "\(run.output)")
        return try JSONDecoder().decode([String: [WorkflowStep]].self, from: Data(run.output.utf8))
    }

    /// The feeds pull request is made with a token whose pushes start the plan review, a pull that only adds files
    /// is not dropped, and the actions are at their current major versions (actions/checkout v7,
    /// swift-actions/setup-swift v3).
    @Test func theFeedsPullRequestIsReviewedAndTheActionsAreCurrent() throws {
        let workflows = try Self.workflowSteps()
        let feedSteps = try #require(workflows[Self.feedsWorkflow])
        for uses in (feedSteps + (workflows[Self.reviewWorkflow] ?? [])).compactMap(\.uses) {
            #expect(uses == "actions/checkout@v7" || uses == "swift-actions/setup-swift@v3", "\(uses)")
        }
        #expect(feedSteps.first?.with["token"] == "${{ secrets.UPKEEP_FEEDS_TOKEN }}")
        let publish = try #require(feedSteps.first { $0.name.hasPrefix("Open or update") })
        #expect(publish.env["GH_TOKEN"] == "${{ secrets.UPKEEP_FEEDS_TOKEN }}")
        #expect(publish.run?.contains("git status --porcelain") == true && publish.run?.contains("git diff --quiet") == false)
    }

    /// Each `run:` script of both workflows passes shellcheck, as GitHub runs it (bash -e).
    @Test(.enabled(if: shellcheck != nil, "shellcheck is not installed: `make test` installs it with apt-get"))
    func everyWorkflowScriptPassesShellcheck() throws {
        let workflows = try Self.workflowSteps()
        let steps = (workflows[Self.feedsWorkflow] ?? []) + (workflows[Self.reviewWorkflow] ?? [])
        #expect(steps.count { $0.run != nil } >= 6)
        for step in steps {
            guard let body = step.run, let shellcheck = Self.shellcheck else { continue }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-step-\(UUID().uuidString).sh")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(("#!/bin/bash -e\n" + body).utf8).write(to: file)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: shellcheck)
            check.arguments = [file.path]
            let pipe = Pipe()
            check.standardOutput = pipe
            try check.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "\(step.name): \(output)")
        }
    }

    @Test func theSampleWorkflowDiffsCommentsAndChecks() throws {
        let workflow = TestSupport.packageRoot.appendingPathComponent("examples/github/upkeep.yml").path
        let script = """
            import json, sys, yaml
            doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
            on = doc.get("on", doc.get(True))
            job = doc["jobs"]["plan-review"]
            print(json.dumps({"events": sorted(on), "steps": [s.get("name", "") for s in job["steps"]],
                              "runs": "\\n".join(s.get("run", "") for s in job["steps"]),
                              "permissions": doc["permissions"]}))
            """
        let run = try TestSupport.python(["-c", script, workflow])
        #expect(run.status == 0, "\(run.output)")
        struct Parsed: Decodable { var events: [String]; var steps: [String]; var runs: String; var permissions: [String: String] }
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(run.output.utf8))
        #expect(parsed.events == ["pull_request"])
        #expect(parsed.permissions["pull-requests"] == "write")
        #expect(parsed.runs.contains("upkeep diff ") && parsed.runs.contains("--format markdown"))
        #expect(parsed.runs.contains("upkeep check ") && parsed.runs.contains("--format github"))
        #expect(parsed.runs.contains("--method PATCH") && parsed.runs.contains("upkeep-plan-diff"))
        #expect(parsed.steps.last?.hasPrefix("Check the fleet") == true)
    }
}
