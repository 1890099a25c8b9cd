// swift-tools-version:6.0
import Foundation
import PackageDescription

/// `make fuzz` sets UPKEEP_FUZZ=1 and builds these with `-sanitize=fuzzer,address` into .build/fuzz; other
/// builds never see them (libFuzzer brings its own `main`, which no other executable may link with).
let fuzzTargets: [Target] = ProcessInfo.processInfo.environment["UPKEEP_FUZZ"] == "1"
    ? ["yaml", "inputs", "plan", "observed"].map { name in
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
        // No `-enforce-exclusivity=unchecked`: with the step drafts and the scheduler values (issue 22), Swift's
        // run-time exclusivity checks cost 0.1% of the benchmark plan's instructions (`make bench-instructions`,
        // 2026-12-05: 12.20 G with the checks, 12.19 G with the flag), far from the 5% that would justify
        // turning a safety check off. (Before, with a shared class of drafts, the flag saved 4.3%.)
        .target(
            name: "UpkeepKit",
            dependencies: ["CLibYAML"]
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
