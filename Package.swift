// swift-tools-version:6.0
import Foundation
import PackageDescription

/// `make fuzz` sets UPKEEP_FUZZ=1 and builds these with `-sanitize=fuzzer,address` into .build/fuzz; other
/// builds never see them (libFuzzer brings its own `main`, which no other executable may link with).
let fuzzTargets: [Target] = ProcessInfo.processInfo.environment["UPKEEP_FUZZ"] == "1"
    ? ["yaml", "inputs", "plan"].map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["UpkeepKit"], path: "Fuzz/\(name)",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
    : []

let package = Package(
    name: "Upkeep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "upkeep", targets: ["upkeep"]),
        .library(name: "UpkeepKit", targets: ["UpkeepKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Release builds leave out the run-time exclusivity checks (debug builds and the tests keep
        // them): the scheduler's shared step drafts, the YAML event source and the JSON writer update
        // stored properties of classes hundreds of thousands of times. Measured 2026-12-05 (`make
        // bench-instructions`): the benchmark plan takes 12.18 G instructions with this flag and 12.70 G
        // without (+4.3%; wall clock 1.09 s against 1.15 s). That is under the 5% issue 22 asks a flag
        // like this to buy; it goes once the drafts and the scheduler's state are values (issue 22).
        // Swift 6 still proves exclusivity at compile time wherever it can.
        .target(
            name: "UpkeepKit",
            dependencies: ["CLibYAML"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "upkeep",
            dependencies: ["UpkeepKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "upkeep-bench",
            dependencies: ["UpkeepKit", "CLibYAML"]
        ),
        .testTarget(name: "UpkeepKitTests", dependencies: ["UpkeepKit"], exclude: ["Fixtures"]),
    ] + fuzzTargets,
    swiftLanguageModes: [.v6]
)
