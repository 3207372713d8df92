// swift-tools-version: 6.1
import PackageDescription

/// Unknot: personalized robotic massage. One package, modules with one-way dependencies
/// (see docs/architecture.md).
let package = Package(
    name: "Unknot",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "UnknotCore", targets: ["UnknotCore"]),
        .library(name: "UnknotPlanning", targets: ["UnknotPlanning"]),
        .library(name: "UnknotSignals", targets: ["UnknotSignals"]),
        .library(name: "UnknotHearing", targets: ["UnknotHearing"]),
        .library(name: "UnknotSession", targets: ["UnknotSession"]),
        .library(name: "UnknotStudioLink", targets: ["UnknotStudioLink"]),
        .library(name: "UnknotConsole", targets: ["UnknotConsole"]),
        .library(name: "UnknotRobotLink", targets: ["UnknotRobotLink"]),
        .library(name: "UnknotStation", targets: ["UnknotStation"]),
        .library(name: "UnknotDemoStations", targets: ["UnknotDemoStations"]),
        .library(name: "UnknotSimulation", targets: ["UnknotSimulation"]),
        .library(name: "UnknotStudio", targets: ["UnknotStudio"]),
        .library(name: "UnknotServer", targets: ["UnknotServer"]),
        .executable(name: "unknot", targets: ["unknot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "UnknotCore",
            resources: [.copy("Resources/programs.json")],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotPlanning",
            dependencies: ["UnknotCore"],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotSignals",
            dependencies: ["UnknotCore"],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotHearing",
            dependencies: ["UnknotCore"],
            resources: [.copy("Resources/yamnet"), .copy("Resources/hearing-calibration.json")],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotSession",
            dependencies: ["UnknotCore", "UnknotPlanning", "UnknotSignals"],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotStudioLink",
            dependencies: ["UnknotCore", "UnknotSession"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotConsole",
            dependencies: ["UnknotCore", "UnknotPlanning"],
            resources: [
                .copy("Resources/console.html"), .copy("Resources/console.js"), .copy("Resources/console.css"),
            ],
            swiftSettings: strictSettings
        ),
        // The arm's end of the robot link (its wire format, an arm behind a UDP port) on the domain
        // alone: arms and bridges written outside the station (the physics twin) use it.
        .target(
            name: "UnknotRobotLink",
            dependencies: ["UnknotCore"],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotStation",
            dependencies: [
                "UnknotConsole", "UnknotCore", "UnknotHearing", "UnknotPlanning", "UnknotSignals", "UnknotSession",
                "UnknotStudioLink", "UnknotRobotLink",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotSimulation",
            dependencies: [
                "UnknotCore", "UnknotHearing", "UnknotPlanning", "UnknotSession", "UnknotSignals",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: computeSettings
        ),
        .target(
            name: "UnknotDemoStations",
            dependencies: [
                "UnknotCore", "UnknotSimulation", "UnknotStation", "UnknotStudioLink", "UnknotRobotLink",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotStudio",
            dependencies: [
                "UnknotCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotServer",
            dependencies: [
                "UnknotConsole", "UnknotCore", "UnknotPlanning", "UnknotSignals", "UnknotSession", "UnknotStudio",
                "UnknotStudioLink",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // The studio's SMTP client (TLS by the same library PostgreSQL's client uses).
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // Hummingbird's own file I/O: record uploads go to disk as they arrive.
                .product(name: "_NIOFileSystem", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Pages")],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "unknot-capacity",
            dependencies: [
                "UnknotStudioLink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotTesting",
            dependencies: ["UnknotCore", "UnknotPlanning", "UnknotSession", "UnknotSimulation", "UnknotHearing"],
            swiftSettings: computeSettings
        ),
        .executableTarget(
            name: "unknot",
            dependencies: [
                "UnknotCore",
                "UnknotRobotLink",
                "UnknotHearing",
                "UnknotPlanning",
                "UnknotSession",
                "UnknotSimulation",
                "UnknotSignals",
                "UnknotServer",
                "UnknotStation",
                "UnknotDemoStations",
                "UnknotStudioLink",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "UnknotCoreTests",
            dependencies: [
                "UnknotCore", "UnknotTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UnknotPlanningTests",
            dependencies: [
                "UnknotCore", "UnknotPlanning", "UnknotTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UnknotSessionTests",
            dependencies: [
                "UnknotCore", "UnknotPlanning", "UnknotSession", "UnknotSimulation", "UnknotSignals", "UnknotTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UnknotHearingTests",
            dependencies: ["UnknotCore", "UnknotHearing"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "UnknotSignalsTests",
            dependencies: [
                "UnknotCore", "UnknotSignals",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "UnknotStudioTests",
            dependencies: [
                "UnknotCore", "UnknotStudio",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "FluentKit", package: "fluent-kit"),
            ]
        ),
        .testTarget(
            name: "UnknotServerTests",
            dependencies: [
                "UnknotCore", "UnknotStudio", "UnknotServer", "UnknotSession", "UnknotSimulation", "UnknotTesting",
                "UnknotStation", "UnknotStudioLink", "UnknotDemoStations",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "UnknotSimulationTests",
            dependencies: [
                "UnknotCore", "UnknotHearing", "UnknotSession", "UnknotSimulation", "UnknotSignals", "UnknotTesting",
                "UnknotPlanning",
            ]
        ),
        .testTarget(
            name: "UnknotCLITests",
            dependencies: [
                "unknot", "UnknotCore", "UnknotHearing", "UnknotSession", "UnknotStation", "UnknotTesting",
                "UnknotRobotLink",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "UnknotStationTests",
            dependencies: [
                "UnknotCore", "UnknotPlanning", "UnknotSession", "UnknotStation", "UnknotStudioLink", "UnknotTesting",
                "UnknotSimulation", "UnknotDemoStations", "UnknotHearing", "UnknotSignals", "UnknotRobotLink",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .executableTarget(
            name: "HearingBenchmarks",
            dependencies: [
                "UnknotHearing",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/HearingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PlanningBenchmarks",
            dependencies: [
                "UnknotCore", "UnknotPlanning", "UnknotTesting",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/PlanningBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SessionBenchmarks",
            dependencies: [
                "UnknotCore", "UnknotPlanning", "UnknotSession", "UnknotSignals", "UnknotSimulation", "UnknotTesting",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SessionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StudioBenchmarks",
            dependencies: [
                "UnknotCore", "UnknotStudio",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/StudioBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

var strictSettings: [SwiftSetting] { [.enableUpcomingFeature("ExistentialAny")] }

/// The modules that run the 1 kHz loop, the planner and the signal processing are optimized in
/// debug builds too: the tests simulate whole sessions a millisecond at a time, and unoptimized
/// they took most of `scripts/test`'s time (see docs/architecture.md, "Build settings").
var computeSettings: [SwiftSetting] { strictSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))] }
