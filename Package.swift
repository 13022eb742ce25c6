// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "planc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planc", targets: ["planc"]),
        .executable(name: "plangen", targets: ["plangen"]),
        .library(name: "PlancKit", targets: ["PlancKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libcmark-gfm and its core extensions, from Debian's -dev packages.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The compiler pipeline: source → markdown blocks → typed model → renderers.
        .target(
            name: "PlancKit",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        // Deterministic generator of large, valid status reports (tests, benchmarks).
        .target(
            name: "PlanGen",
            dependencies: ["PlancKit"]
        ),
        .executableTarget(
            name: "planc",
            dependencies: [
                "PlancKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "plangen",
            dependencies: ["PlanGen"]
        ),
        .testTarget(
            name: "PlancKitTests",
            dependencies: ["PlancKit", "PlanGen"]
        ),
        .testTarget(
            name: "PlancCLITests",
            dependencies: ["planc", "PlanGen"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
