import Foundation
import Testing
@testable import UpkeepKit

/// `upkeep feeds pull` and `feeds bundle`: recorded copies of every source (examples/feeds-bundle) served by a
/// local HTTP server the test starts (no internet), and the same bundle offline.
@Suite("Feeds pull", .serialized)
struct FeedPullTests {
    static let bundle = TestSupport.packageRoot.appendingPathComponent("examples/feeds-bundle")

    /// The recorded sources on a local port, for the duration of `body`.
    static func withServer<T>(_ body: (String) throws -> T) throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSupport.tool("feed_server.py"), bundle.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        // SIGKILL: a process the test runner starts may inherit a blocked SIGTERM.
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        var line = Data()
        while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        let port = try #require(Int(String(decoding: line, as: UTF8.self)))
        return try body("http://127.0.0.1:\(port)")
    }

    /// A copy of the shipped feeds to pull into.
    static func feedsCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-feeds-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("releases"), to: folder)
        return folder
    }

    static func contents(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects.compactMap({ $0 as? String }) ?? [] {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: full) }
        }
        return files
    }

    /// What the feeds say, without comments: each Kubernetes minor and each AKS Arc release.
    static func facts(_ folder: URL) -> (kubernetes: [String], arc: [String]) {
        let (inputs, _) = TestSupport.load(paths: [folder.appendingPathComponent("kubernetes.yaml").path, folder.appendingPathComponent("platform-aks-arc.yaml").path])
        let kubernetes = inputs.kubernetesFeeds.flatMap(\.minors).map {
            "\($0.minor) \($0.released?.description ?? "") \($0.maintenanceModeFrom?.description ?? "") \($0.endOfLife?.description ?? "") \($0.patches.map { "\($0.version)@\($0.released?.description ?? "")" })"
        }
        let arc = inputs.platformFeeds.flatMap(\.releases).map {
            "\($0.version) \($0.released) \($0.kubernetesVersions) \($0.endOfSupport.map { "\($0.minor) \($0.date)" })"
        }
        return (kubernetes, arc)
    }

    /// The recorded release information page (its newest version) dates an 11.2510 build 2025-01-05, before 2503:
    /// the AKS Arc feed is refused and kept byte for byte; the other groups still update.
    static let typoLine = "aks-arc/release-information-23h2.md: line 61, the row of 11.2510.1002.93: 11.2510.1002.93 is dated 2025-01-05, but release 2503, an earlier one, first came out on 2025-03-31"

    @Test func pullingFromTheServerRefusesTheBackwardsDateKeepsTheArcFeedAndTwiceWritesNothing() throws {
        let feeds = try Self.feedsCopy()
        defer { try? FileManager.default.removeItem(at: feeds) }
        let shippedArc = try Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("releases/platform-aks-arc.yaml"))
        try Self.withServer { base in
            let run = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", feeds.path, "--from", base + "/ok"])
            #expect(run.status == 1, "\(run.output)")
            #expect(run.output.contains(Self.typoLine) && run.output.contains("platform-aks-arc.yaml is kept."), "\(run.output)")
            #expect(run.output.split(separator: "\n").filter { $0.contains("release-information-23h2.md") }.count == 1)
            #expect(run.output.contains("advisories: 2 OSV records") && run.output.contains("added GHSA-82m2-cv7p-4m75, GO-2025-3521"))
            #expect(try Data(contentsOf: feeds.appendingPathComponent("platform-aks-arc.yaml")) == shippedArc)
            let shipped = Self.facts(TestSupport.packageRoot.appendingPathComponent("releases")), pulled = Self.facts(feeds)
            #expect(pulled.kubernetes == shipped.kubernetes && pulled.kubernetes.count == 13)
            #expect(pulled.arc == shipped.arc)
            let (validated, log) = TestSupport.load(paths: [feeds.path], strict: true)
            #expect(log.errorCount == 0 && validated.advisories.count >= 6, "\(TestSupport.messages(log))")
            // Again: nothing changes, nothing is written.
            let before = Self.contents(feeds)
            let again = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", feeds.path, "--from", base + "/ok"])
            #expect(again.status == 1 && again.output.contains("kubernetes.yaml: unchanged") && again.output.contains(Self.typoLine))
            #expect(Self.contents(feeds) == before)
        }
    }

    @Test func theOfflineBundleGivesTheSameFactsAndTheSameBytesEveryRun() throws {
        let first = try Self.feedsCopy(), second = try Self.feedsCopy()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        for folder in [first, second] {
            let run = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", folder.path, "--from", Self.bundle.path])
            #expect(run.status == 1 && run.output.contains(Self.typoLine), "\(run.output)")
        }
        #expect(Self.contents(first) == Self.contents(second))
        #expect(Self.facts(first).arc == Self.facts(TestSupport.packageRoot.appendingPathComponent("releases")).arc)
        // --dry-run says what would change and writes nothing.
        let fresh = try Self.feedsCopy()
        defer { try? FileManager.default.removeItem(at: fresh) }
        let before = Self.contents(fresh)
        let dry = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", fresh.path, "--from", Self.bundle.path, "--dry-run"])
        #expect(dry.status == 1 && dry.output.contains("would be kubernetes.yaml") && dry.output.contains(Self.typoLine), "\(dry.output)")
        #expect(Self.contents(fresh) == before)
    }

    @Test func aServerErrorATimeoutAndAChangedPageEachSayWhatFailedAndKeepTheirFeeds() throws {
        let feeds = try Self.feedsCopy()
        defer { try? FileManager.default.removeItem(at: feeds) }
        let before = Self.contents(feeds)
        try Self.withServer { base in
            let failing = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", feeds.path, "--from", base + "/status500", "--only", "kubernetes", "--tries", "1"])
            #expect(failing.status == 1)
            #expect(failing.output.contains("upkeep: feeds pull: \(base)/status500/kubernetes/schedule.yaml: HTTP 500 (after 1 tries)"), "\(failing.output)")
            #expect(Self.contents(feeds) == before)

            let slow = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", feeds.path, "--from", base + "/slow", "--only", "aks-arc",
                                                        "--tries", "1", "--timeout", "1"])
            #expect(slow.status == 1 && slow.output.contains("no answer within 1 s"), "\(slow.output)")
            #expect(Self.contents(feeds) == before)

            // The supported-versions page lost its table: AKS Arc is kept, Kubernetes still updates.
            let changed = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", feeds.path, "--from", base + "/changed"])
            #expect(changed.status == 1)
            #expect(changed.output.contains("aks-arc/supported-kubernetes-versions.md: expected a table whose rows are `| YYMM | 1.x.y, 1.x.y, … |`; found none. platform-aks-arc.yaml is kept."), "\(changed.output)")
            let after = Self.contents(feeds)
            #expect(after["platform-aks-arc.yaml"] == before["platform-aks-arc.yaml"])
            #expect(after["kubernetes.yaml"] != before["kubernetes.yaml"])  // its header now names the sources it was pulled from
        }
    }

    @Test func aTamperedBundleIsRefusedAndABundleIsWhatTheSourcesServe() throws {
        let tampered = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-bundle-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.bundle, to: tampered)
        defer { try? FileManager.default.removeItem(at: tampered) }
        try Data("| 2605 | 1.33.1, 1.33.2 |\n".utf8).write(to: tampered.appendingPathComponent("aks-arc/supported-kubernetes-versions.md"))
        let feeds = try Self.feedsCopy()
        defer { try? FileManager.default.removeItem(at: feeds) }
        let before = Self.contents(feeds)
        let run = try ValidateCommandTests.upkeep(["feeds", "pull", "--into", feeds.path, "--from", tampered.path])
        #expect(run.status == 1 && run.output.contains("the bundle does not match its manifest (aks-arc/supported-kubernetes-versions.md does not match its digest)"), "\(run.output)")
        #expect(Self.contents(feeds) == before)
        // `feeds bundle` from the served sources makes the committed bundle again, byte for byte.
        let made = FileManager.default.temporaryDirectory.appendingPathComponent("upkeep-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: made) }
        try Self.withServer { base in
            let bundled = try ValidateCommandTests.upkeep(["feeds", "bundle", "-o", made.path, "--from", base + "/ok"])
            #expect(bundled.status == 0, "\(bundled.output)")
        }
        var ours = Self.contents(made)
        ours[".upkeep-output"] = nil
        #expect(ours == Self.contents(Self.bundle))
    }

    @Test func groupsWithNothingPublishedSaySo() throws {
        let run = try ValidateCommandTests.upkeep(["feeds", "pull", "--only", "node-images"])
        #expect(run.status == 1 && run.output.contains("node-images publishes no source Upkeep can read"))
    }
}
