// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "UpkeepKit", dependencies: ["CLibYAML"]),
        .executableTarget(
            name: "upkeep",
            dependencies: ["UpkeepKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "upkeep-bench",
            dependencies: ["UpkeepKit", "CLibYAML"]
        ),
        .testTarget(name: "UpkeepKitTests", dependencies: ["UpkeepKit"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
