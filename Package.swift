// swift-tools-version:6.0
import PackageDescription

// Layers, each its own target (see README.md): client → sandbox, store → terminal UI → executable.
let package = Package(
    name: "waldur-orders",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "waldur-orders", targets: ["waldur-orders"]),
        .library(name: "WaldurClient", targets: ["WaldurClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // 1. client: typed async access to the marketplace-orders API; no UI code.
        .target(name: "WaldurClient", path: "Sources/Client"),
        // Configuration resolution like waldur-cli (flags, environment, credentials.toml).
        .target(
            name: "WaldurConfig",
            dependencies: ["WaldurClient", .product(name: "TOMLKit", package: "TOMLKit")],
            path: "Sources/Config"
        ),
        // 2. sandbox: a Waldur-compatible server with seeded data.
        .target(
            name: "WaldurSandbox",
            dependencies: [
                "WaldurClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Sandbox"
        ),
        // 3. store: state, actions, a pure reducer, effects that call the client.
        .target(name: "OrderStore", dependencies: ["WaldurClient"], path: "Sources/Store"),
        // 4. terminal UI: ncurses drawing of the store's state.
        .target(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            cSettings: [.define("_XOPEN_SOURCE_EXTENDED"), .define("NCURSES_WIDECHAR", to: "1")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["OrderStore", "CNcursesw", .product(name: "TOMLKit", package: "TOMLKit")],
            path: "Sources/TerminalUI"
        ),
        // 5. the executable: argument parsing, configuration, wiring.
        .executableTarget(
            name: "waldur-orders",
            dependencies: [
                "WaldurClient", "WaldurConfig", "WaldurSandbox", "OrderStore", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/App"
        ),

        .testTarget(name: "ClientTests", dependencies: ["WaldurClient"], path: "Tests/ClientTests"),
        .testTarget(name: "ConfigTests", dependencies: ["WaldurConfig"], path: "Tests/ConfigTests"),
        .testTarget(name: "SandboxTests", dependencies: ["WaldurSandbox", "WaldurClient"], path: "Tests/SandboxTests"),
        .testTarget(name: "StoreTests", dependencies: ["OrderStore", "WaldurSandbox"], path: "Tests/StoreTests"),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], path: "Tests/TerminalUITests"),
        // Drives the real binary (built as a dependency) against the sandbox, over HTTP and in tmux.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["waldur-orders", "WaldurSandbox", "WaldurClient"],
            path: "Tests/EndToEndTests"
        ),

        // Benchmarks: release-mode executables that print figures (`swift run -c release NAME`).
        .executableTarget(name: "client-benchmark", dependencies: ["WaldurClient"], path: "Benchmarks/ClientBenchmark"),
        .executableTarget(name: "store-benchmark", dependencies: ["OrderStore"], path: "Benchmarks/StoreBenchmark"),
        .executableTarget(name: "snapshot-benchmark", dependencies: ["OrderStore"], path: "Benchmarks/SnapshotBenchmark"),
        .executableTarget(name: "ui-benchmark", dependencies: ["WaldurSandbox", "WaldurClient"], path: "Benchmarks/UIBenchmark"),
        .executableTarget(
            name: "sandbox-benchmark", dependencies: ["WaldurClient", "WaldurSandbox", "OrderStore"], path: "Benchmarks/SandboxBenchmark",
            exclude: ["python_fetch.py"]
        ),

        // Fuzzers (issue 6): `.ci/fuzz` builds them with libFuzzer (-sanitize=fuzzer,address -DFUZZING) and runs
        // each for a bounded time; a plain build replays the files or folders given as arguments.
        .target(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"], path: "Tests/Fuzz/FuzzSupport"),
        .executableTarget(
            name: "order-decoding-fuzzer",
            dependencies: ["FuzzSupport", "WaldurClient"],
            path: "Tests/Fuzz/order-decoding-fuzzer",
            exclude: ["corpus", "order.dict"]
        ),
        .executableTarget(
            name: "filter-parser-fuzzer",
            dependencies: ["FuzzSupport", "OrderStore", "WaldurClient"],
            path: "Tests/Fuzz/filter-parser-fuzzer",
            exclude: ["corpus", "filter.dict"]
        ),
    ]
)
