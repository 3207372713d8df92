// swift-tools-version:6.1
// The physics twin of a station (issue #19): MuJoCo, an arm and a client's body, behind the robot
// link. Its own package, so the main package and its two commands never need MuJoCo.
// `scripts/install-mujoco` puts libmujoco and its headers (from the mujoco-core wheel) in `.mujoco/`.
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let mujoco = "\(root)/.mujoco"

let package = Package(
    name: "UnknotTwin",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TwinPhysics", targets: ["TwinPhysics"]),
        .executable(name: "unknot-twin", targets: ["unknot-twin"]),
    ],
    // From the main package: its domain (the body model, the tissue's figures) and the arm's end of
    // the robot link; nothing else of it is built here.
    dependencies: [
        .package(name: "Unknot", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CMuJoCo", path: "Sources/CMuJoCo"),
        // Debian's libegl-dev and zlib1g-dev: offscreen pictures of the twin (scripts/test installs them).
        .systemLibrary(name: "CEGL", path: "Sources/CEGL"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "TwinPhysics",
            dependencies: [
                "CMuJoCo", "CEGL", "CZlib", .product(name: "UnknotCore", package: "Unknot"),
                .product(name: "UnknotRobotLink", package: "Unknot"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(mujoco)/include"])],
            linkerSettings: [
                .unsafeFlags(["-L\(mujoco)/lib", "-Xlinker", "-rpath", "-Xlinker", "\(mujoco)/lib"])
            ]),
        .executableTarget(
            name: "unknot-twin",
            dependencies: [
                "TwinPhysics", .product(name: "UnknotCore", package: "Unknot"),
                .product(name: "UnknotRobotLink", package: "Unknot"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(mujoco)/include"])]),
        .testTarget(
            name: "TwinPhysicsTests",
            dependencies: [
                "TwinPhysics", "CZlib", .product(name: "UnknotCore", package: "Unknot"),
                .product(name: "UnknotPlanning", package: "Unknot"),
                .product(name: "UnknotRobotLink", package: "Unknot"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(mujoco)/include"])]),
    ],
    swiftLanguageModes: [.v6]
)
