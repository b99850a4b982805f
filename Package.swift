// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "engage-triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "engage-triage", targets: ["engage-triage"]),
        .executable(name: "engage-sandbox", targets: ["engage-sandbox"]),
        .library(name: "EngageAPI", targets: ["EngageAPI"]),
        .library(name: "EngageSandbox", targets: ["EngageSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The one Engage REST client: contract types, requests, typed errors. Foundation only.
        .target(name: "EngageAPI"),

        // Pure presentation helpers shared by the CLI and (later) the TUI: display width,
        // sanitising of untrusted text, time formatting, tables. No I/O.
        .target(name: "TriageCore", dependencies: ["EngageAPI"]),

        // A stand-in Engage tenant over real HTTP (SwiftNIO), with fault injection.
        .target(
            name: "EngageSandbox",
            dependencies: [
                "EngageAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "engage-sandbox",
            dependencies: [
                "EngageSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "engage-triage",
            dependencies: [
                "EngageAPI",
                "EngageSandbox",
                "TriageCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "EngageAPITests",
            dependencies: ["EngageAPI", "EngageSandbox"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "EngageSandboxTests", dependencies: ["EngageSandbox", "EngageAPI"]),
        .testTarget(name: "TriageCoreTests", dependencies: ["TriageCore", "EngageAPI"]),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["engage-triage", "engage-sandbox", "EngageSandbox", "EngageAPI"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
