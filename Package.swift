// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "engage-triage",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "engage-triage", targets: ["engage-triage"]),
        .executable(name: "engage-sandbox", targets: ["engage-sandbox"]),
        .executable(name: "engage-bench", targets: ["engage-bench"]),
        .library(name: "EngageContract", targets: ["EngageContract"]),
        .library(name: "EngageAPI", targets: ["EngageAPI"]),
        .library(name: "EngageSandbox", targets: ["EngageSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Wide-character ncurses (libncursesw), wrapped for Swift in shim.h.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),

        // The API's types: Appointment and friends, open enums, the errors envelope and the typed
        // error, pages and queries, the service protocol the app talks to, and the paging that
        // misses nothing. Foundation only: no network code.
        .target(name: "EngageContract"),

        // The one Engage REST client over the contract: requests, auth, correlation ids, typed
        // errors; HTTP/1.1 through async-http-client (its pool, proxy and TLS from swift-nio-ssl,
        // BoringSSL, linked in).
        .target(
            name: "EngageAPI",
            dependencies: [
                "EngageContract",
                "SpawnSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),

        // The pure core of the app: state, actions, reducer, layout and render into a cell grid,
        // keymap, display width, sanitising of untrusted text. No I/O, no ncurses.
        .target(name: "TriageCore", dependencies: ["EngageContract"]),

        // The effect runner: runs the reducer's effects with identity and cancellation, within one
        // request budget per tenant, journals accepts and waits for them at shutdown. Talks to the
        // API through the `AppointmentService` protocol, so it is tested without a network.
        .target(name: "TriageRuntime", dependencies: ["TriageCore", "EngageContract"]),

        // The only code that touches the terminal: ncurses set-up and teardown, keys, drawing a
        // Screen, colours, resize and signals.
        .target(name: "TerminalUI", dependencies: ["CNcurses", "TriageCore"]),

        // A stand-in Engage tenant over real HTTP (SwiftNIO), with fault injection.
        .target(
            name: "EngageSandbox",
            dependencies: [
                "EngageAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "engage-sandbox",
            dependencies: [
                "EngageSandbox",
                "EngageAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "engage-triage",
            dependencies: [
                "EngageAPI",
                "EngageSandbox",
                "TriageCore",
                "TriageRuntime",
                "TerminalUI",
                "SpawnSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // A release binary carries its Swift runtime and Foundation: it runs on a server
            // without a Swift toolchain, and starts in a third of the time (no dynamic loading
            // and binding of the Swift libraries at every start). The modules were compiled
            // against the shared Foundation, so the static one's own parts are named here.
            // `-static-stdlib` also exports every symbol of the program's own modules (27,000:
            // 5 MB of symbol tables and relocations that the loader read at every start, for
            // nothing loads a library that binds to them); --no-export-dynamic keeps them in.
            // The program uses FoundationEssentials only: neither the NSString/CoreFoundation part
            // of Foundation nor FoundationInternationalization and ICU (2.5 ms of every start and
            // 50 MB together; local time comes from the C library, see `Zone`). `.ci/run` checks
            // that none of them is linked and that the release binary shows local time.
            // libstdc++ (which the Swift runtime uses), zlib and ncurses are linked statically too:
            // loading and binding the shared ones took 1.3 ms of every 11 ms `show`. The linker
            // takes `-lstdc++` and friends from the first folder of the search path holding either
            // form, and Linking/StaticLibraries holds the archives (links to where Debian's
            // libstdc++-12-dev, zlib1g-dev and libncurses-dev put them), so it must come before
            // the system's folders; where a link leads nowhere, the shared library is used. An
            // archive only serves what is missing where it is named, so ncurses' terminfo part and
            // libstdc++ (for anything after the toolchain's own `-lstdc++`) are named last.
            // `.ci/run` checks that the release binary needs none of them.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-lCoreFoundation", "-lswiftSynchronization",
                     "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU",
                     "-Xlinker", "--no-export-dynamic",
                     "-L", Context.packageDirectory + "/Linking/StaticLibraries", "-ltinfo", "-lstdc++"],
                    .when(platforms: [.linux], configuration: .release)),
            ]
        ),

        // Starting programs with a clean signal state (the token command; the benchmarks and the
        // process tests), a drained pseudo-terminal, per-thread write counts, a thread of its own
        // for blocking work (a write's audit line, the token command, the screen).
        .target(name: "SpawnSupport"),

        // The benchmarks: `swift run -c release engage-bench` prints every figure with its target.
        .executableTarget(
            name: "engage-bench",
            dependencies: [
                "EngageAPI", "EngageSandbox", "TriageCore", "TriageRuntime", "TerminalUI", "SpawnSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "EngageAPITests",
            dependencies: ["EngageAPI", "EngageSandbox", .product(name: "NIOSSL", package: "swift-nio-ssl")],
            resources: [.copy("Fixtures"), .copy("TLS")]
        ),
        .testTarget(name: "EngageContractTests", dependencies: ["EngageContract"]),
        .testTarget(name: "EngageSandboxTests", dependencies: ["EngageSandbox", "EngageAPI"]),
        .testTarget(
            name: "TriageCoreTests",
            dependencies: ["TriageCore", "EngageAPI", "EngageSandbox"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "TriageRuntimeTests", dependencies: ["TriageRuntime", "TriageCore", "EngageContract", "EngageAPI", "EngageSandbox"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TriageCore", "CNcurses", "SpawnSupport"]),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["engage-triage", "engage-sandbox", "EngageSandbox", "EngageAPI", "TriageCore", "SpawnSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
