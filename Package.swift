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
        // them): the planner's scheduler and the JSON writer update arrays held by classes and
        // buffers hundreds of thousands of times, and the checks cost a tenth of planning a large
        // fleet. Swift 6 still proves exclusivity at compile time wherever it can.
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
