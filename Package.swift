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
    ],
    targets: [
        // libcmark-gfm and its core extensions, from Debian's -dev packages.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libyaml, for .planc.yml and devlog front matter: a C parser, so
        // that reading a config file does not pull Foundation into planc.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The official NATS C client and Redis C client, from Debian.
        // libnats is loaded on first use, not linked: see LazyNATS.c.
        .target(name: "CNATS"),
        // No pkg-config here: hiredis's .pc adds -D_FILE_OFFSET_BITS=64, which
        // SwiftPM refuses with a warning; the headers sit in /usr/include.
        .systemLibrary(
            name: "CHiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),
        // The compiler pipeline: source → markdown blocks → typed model → renderers.
        .target(
            name: "PlancKit",
            dependencies: ["CCmarkGFM", "CYAML"]
        ),
        // Live state: NATS JetStream and Redis clients, snapshots, drift, sync.
        .target(
            name: "PlancLive",
            dependencies: ["PlancKit", "CNATS", "CHiredis"]
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
                "PlancLive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "plangen",
            dependencies: ["PlanGen"]
        ),
        // libFuzzer entry point over the parser, checker, fixer and formatter
        // (`make fuzz`); built normally, it replays inputs given as arguments.
        .executableTarget(
            name: "planc-fuzz",
            dependencies: ["PlancKit"]
        ),
        .testTarget(
            name: "PlancKitTests",
            dependencies: ["PlancKit", "PlanGen", "PlancLive", "planc-fuzz"]
        ),
        .testTarget(
            name: "PlancCLITests",
            dependencies: ["planc", "PlanGen", "PlancLive"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
