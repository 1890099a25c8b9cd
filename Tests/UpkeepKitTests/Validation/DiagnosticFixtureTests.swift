import Foundation
import Testing
@testable import UpkeepKit

/// One fixture per kind of input error: `NAME.yaml` must give exactly the report in `NAME.expected`
/// (every diagnostic with its position and text, then the closing count).
@Suite("Diagnostics for every kind of input error")
struct DiagnosticFixtureTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("diagnostics")

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func report(_ name: String, strict: Bool = false) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name + ".yaml")))
        let log = DiagnosticLog(strict: strict)
        let inputs = InputLoader().load(sources: [(path: name + ".yaml", bytes: bytes)], log: log)
        return ValidationReport(inputs: inputs, log: log).render()
    }

    @Test func thereIsAFixtureForEveryKindOfError() {
        #expect(Self.fixtureNames.count >= 25)
    }

    @Test(arguments: fixtureNames)
    func fixtureGivesItsExpectedReport(_ name: String) throws {
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        #expect(try Self.report(name) == expected)
    }

    @Test func unknownKeyIsAnErrorWhenStrict() throws {
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("unknown-key.strict-expected"), encoding: .utf8)
        #expect(try Self.report("unknown-key", strict: true) == expected)
    }

    @Test func everyProblemInEveryFileIsCollected() {
        let (_, log) = TestSupport.load([
            "a.yaml": "apiVersion: upkeep/v1\nkind: UpgradePolicy\nhorizon: soon\ntarget: newest\n",
            "b.yaml": "apiVersion: upkeep/v1\nkind: KubernetesReleases\nminors:\n  - { minor: \"1.x\" }\n  - { minor: \"1.30\", released: 2024-02-31 }\n",
        ])
        #expect(log.errorCount == 4)
        #expect(log.sorted.map(\.path) == ["a.yaml", "a.yaml", "b.yaml", "b.yaml"])
    }
}
