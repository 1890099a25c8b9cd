import Testing

/// Issue 30: the input mistakes that would change a plan fail `upkeep validate` (exit 1), each at its place with a
/// suggestion where one fits.
@Suite("validate refuses the mistakes that change a plan")
struct PlanChangingMistakeTests {
    @Test(arguments: [
        ("unknown-release", "unknown-release.yaml:13:46: error: management cluster \"arc\" runs 2502, which is not a release in the aks-arc feed; did you mean \"2501\" or \"2503\"?"),
        ("version-not-offered", "version-not-offered.yaml:17:24: error: cluster \"alpha\" runs Kubernetes 1.31.11, which no aks-arc release up to 2503"),
        ("image-of-another-os", "image-of-another-os.yaml:10:100: error: node pool \"win\" of cluster \"alpha\" runs windows, but image 202406.11.0 is a linux image"),
        ("misspelt-depends-on", "misspelt-depends-on.yaml:14:5: error: unknown key \"dependOn\" in cluster \"beta\"; did you mean \"dependsOn\"?"),
        ("misspelt-key", "misspelt-key.yaml:9:5: error: unknown key \"ownr\" in cluster \"alpha\"; did you mean \"owner\"?"),
    ])
    func eachMistakeFailsValidateAtItsPlace(_ name: String, _ expected: String) throws {
        let run = try ValidateCommandTests.upkeep(["validate", "Tests/UpkeepKitTests/Fixtures/diagnostics/\(name).yaml"])
        #expect(run.status == 1)
        #expect(run.output.contains("Tests/UpkeepKitTests/Fixtures/diagnostics/" + expected), "\(run.output)")
    }

    /// A missing image family is never suggested from another version of the system (windows-2019 for windows-2022).
    @Test func aMissingFamilyIsNotTakenForAnotherVersionOfItsSystem() throws {
        let run = try ValidateCommandTests.upkeep(["validate", "Tests/UpkeepKitTests/Fixtures/diagnostics/misspelt-depends-on.yaml"])
        #expect(run.output.contains("refers to image family \"windows-2022\", which does not exist.") && !run.output.contains("did you mean \"windows-2019\""))
    }
}
