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
        .library(name: "UnknotSession", targets: ["UnknotSession"]),
        .library(name: "UnknotSimulation", targets: ["UnknotSimulation"]),
        .library(name: "UnknotStudio", targets: ["UnknotStudio"]),
        .executable(name: "unknot", targets: ["unknot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "UnknotCore",
            resources: [.copy("Resources/programs.json")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotPlanning",
            dependencies: ["UnknotCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotSignals",
            dependencies: ["UnknotCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotSession",
            dependencies: ["UnknotCore", "UnknotPlanning", "UnknotSignals"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotSimulation",
            dependencies: ["UnknotCore", "UnknotSession", "UnknotSignals"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotStudio",
            dependencies: ["UnknotCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "UnknotTesting",
            dependencies: ["UnknotCore", "UnknotPlanning", "UnknotSession", "UnknotSimulation"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "unknot",
            dependencies: [
                "UnknotCore",
                "UnknotPlanning",
                "UnknotSession",
                "UnknotSimulation",
                "UnknotSignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            ]
        ),
        .testTarget(
            name: "UnknotSimulationTests",
            dependencies: ["UnknotCore", "UnknotSession", "UnknotSimulation", "UnknotSignals", "UnknotTesting"]
        ),
        .testTarget(
            name: "UnknotCLITests",
            dependencies: ["unknot", "UnknotCore", "UnknotTesting"]
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
            ],
            path: "Benchmarks/StudioBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

var strictSettings: [SwiftSetting] { [.enableUpcomingFeature("ExistentialAny")] }
