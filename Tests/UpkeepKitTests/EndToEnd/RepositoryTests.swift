import Foundation
import Testing

/// A clone of the repository stands alone: nothing in it reads or links the team's folder beside it, and
/// the user documentation is in the repository.
@Suite("The repository stands alone")
struct RepositoryTests {
    static let root = TestSupport.packageRoot

    /// Every file under the given top-level entries, relative to the root.
    static func files(under entries: [String]) -> [String] {
        var found: [String] = []
        for entry in entries {
            let url = root.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue { found.append(entry); continue }
            let enumerator = FileManager.default.enumerator(atPath: url.path)
            while let relative = enumerator?.nextObject() as? String {
                var childIsFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path, isDirectory: &childIsFolder), !childIsFolder.boolValue {
                    found.append("\(entry)/\(relative)")
                }
            }
        }
        return found.sorted()
    }

    @Test func nothingReadsOrLinksTheSiblingTeamFolder() throws {
        let sibling = ".." + "/shared"  // spelled in two pieces so that this file does not match itself
        let files = Self.files(under: ["README.md", "docs", "Sources", "Tests", "Makefile", ".ci", "Package.swift", "releases", "upstream", "schedules", "examples"])
        #expect(files.count > 50)
        for file in files {
            let text = String(decoding: (try? Data(contentsOf: Self.root.appendingPathComponent(file))) ?? Data(), as: UTF8.self)
            #expect(!text.contains(sibling), "\(file) refers to \(sibling)")
        }
    }

    @Test func theUserDocumentationIsInTheRepositoryAndLinkedFromTheReadme() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in ["inputs", "planning", "outputs"] {
            let path = "docs/\(name).md"
            let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.count > 3000, "\(path) is too short to document its subject")
            #expect(readme.contains("](\(path))"), "README.md does not link \(path)")
        }
        // Every kind of input has its section in docs/inputs.md.
        let inputs = try String(contentsOf: Self.root.appendingPathComponent("docs/inputs.md"), encoding: .utf8)
        for kind in ["Fleet", "PlatformReleases", "KubernetesReleases", "NodeImageCatalog", "SecurityAdvisory", "UpgradePolicy", "MaintenanceSchedule"] {
            #expect(inputs.contains("## \(kind)"), "docs/inputs.md has no section for \(kind)")
        }
    }

    @Test func ciTestsACloneInAnEmptyFolder() throws {
        let script = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(script.contains("mktemp -d") && script.contains("git clone") && script.contains("make test"))
    }
}
