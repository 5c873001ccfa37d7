// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only: trcaa → TRCAATUI → TRCAACore → TRCAAStore → C libraries.
// libsqlite3 must never be linked: its symbols would silently replace SQLCipher's and the
// database would be written in plaintext (see README, "Encryption").
let package = Package(
    name: "trcaa",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trcaa", targets: ["trcaa"]),
        .executable(name: "trcaa-bench", targets: ["trcaa-bench"]),
        .executable(name: "trcaa-fuzz", targets: ["trcaa-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CSQLCipher", pkgConfig: "sqlcipher", providers: [.apt(["libsqlcipher-dev"])]),
        .systemLibrary(name: "CNCurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CISAL", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        .target(
            name: "TRCAAStore",
            dependencies: ["CSQLCipher", "CZlib", "CISAL", "COpenSSL", .product(name: "Logging", package: "swift-log")]
        ),
        // The PII scan's bit planes with AVX-512 VBMI or AVX2, chosen at run time (Swift cannot target one function).
        .target(name: "CTextPlanes"),
        .target(
            name: "TRCAACore",
            dependencies: ["TRCAAStore", "CTextPlanes", "CZlib", "CISAL", "COpenSSL", .product(name: "Logging", package: "swift-log")]
        ),
        // The PostgreSQL backend. Kept out of TRCAACore, TRCAATUI and trcaa-fuzz so that NIO and its
        // BoringSSL copies stay out of the sanitizer build; the executables are to link it (plan §0.2).
        .target(
            name: "TRCAAPostgres",
            dependencies: [
                "TRCAAStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Only TRCAATUI/Terminal imports CNCurses; the rest of the TUI is pure state, update and render.
        .target(
            name: "TRCAATUI",
            dependencies: ["TRCAACore", "CNCurses"],
            resources: [.copy("Resources/demo")]
        ),
        .executableTarget(
            name: "trcaa",
            dependencies: [
                "TRCAATUI", "TRCAACore", "TRCAAStore", "TRCAAPostgres", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Baselines call SQLCipher and libcrypto directly, next to trcaa's own code paths; the
        // PostgreSQL backend measures the same figures on a server store (`--server`).
        .executableTarget(
            name: "trcaa-bench",
            dependencies: [
                "TRCAATUI", "TRCAACore", "TRCAAStore", "TRCAAPostgres", "CSQLCipher", "COpenSSL", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets over every parser of untrusted bytes (scripts/fuzz builds it with
        // -sanitize=fuzzer,address); an ordinary build gives a replayer of saved inputs.
        .executableTarget(name: "trcaa-fuzz", dependencies: ["TRCAATUI", "TRCAACore", "TRCAAStore"]),

        // What the test targets share: the store they test, and running the tools they check trcaa against.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TRCAAStoreTests", dependencies: ["TRCAAStore", "TestSupport", "COpenSSL"]),
        .testTarget(name: "TRCAAPostgresTests", dependencies: ["TRCAAPostgres", "TRCAAStore", "TestSupport"]),
        .testTarget(name: "TRCAACoreTests", dependencies: ["TRCAACore", "TRCAAPostgres", "TestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TRCAATUITests", dependencies: ["TRCAATUI", "TRCAACore", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "PlatformTests", dependencies: ["CSQLCipher", "CNCurses", "CZlib", "COpenSSL"]),
        // Runs the built `trcaa` binary (depending on the executable makes `swift test` build it) and reads its command tree.
        .testTarget(name: "trcaaTests", dependencies: ["trcaa", "TRCAAStore", "TestSupport",
                                                  .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    ]
)
