import Foundation
import Testing
@testable import UpkeepKit

/// Every code the planner and the support rules write has its meaning and help (SARIF's rules carry them).
@Suite("Finding catalog")
struct FindingCatalogTests {
    @Test func everyFindingCodeInTheSourcesHasAnEntry() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources/UpkeepKit")
        var codes: Set<String> = Set(SupportRuleCode.allCases.map(\.rawValue))
        // `code: "…"` in a Finding, and the support-gap codes the gap causes return.
        let patterns = try ["code: \"([a-z0-9-]+)\"", "\"(support-gap-[a-z-]+)\""].map { try NSRegularExpression(pattern: $0) }
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files where !file.hasSuffix("FindingCatalog.swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for pattern in patterns {
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
                }
            }
        }
        #expect(codes.count > 25)
        for code in codes.sorted() { #expect(FindingCatalog.entry(code) != nil, "\(code)") }
    }
}
