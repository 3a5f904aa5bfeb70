// swift-tools-version:6.1
// Contact Inbox: a privacy-compliant contact inbox for a public agency.
// The modules and what each may depend on are drawn in docs/ARCHITECTURE.md; a module that is not
// built yet is absent rather than stubbed.
import PackageDescription

/// Upcoming features every target opts into (docs/ARCHITECTURE.md "Conventions"): explicit `any`, imports that are internal
/// unless a type escapes, and members visible only through what a file imports itself.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "contact-inbox",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "inbox", targets: ["inbox"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // HTTP for the intake server; no optional traits (configuration, full Foundation).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // HTTP parts as swift-http-types (NIOHTTPTypes), for our channel handler in Hummingbird's
        // pipeline; Hummingbird depends on it already.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // TLS for the SMTP client (STARTTLS and implicit TLS), on SwiftNIO.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // The Prometheus text format for the server's /metrics and the staff command's textfile.
        // Its own dependencies (swift-atomics, swift-metrics) are in the graph through SwiftNIO and
        // Hummingbird already.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // SQLite, the embedded default store: migrations, WAL, one writer (system libsqlite3).
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        // PostgreSQL, the store for several intake nodes.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Test-only: an independent RFC 9180 implementation to prove our at-rest format interoperates.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The system OpenSSL 3 libcrypto (Debian: libssl-dev). Encryption at rest is built on it alone.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // prctl(2), which Swift cannot call (it is variadic).
        .target(name: "CInboxSystem"),
        // Calendar arithmetic shared by the key epochs and the policy's deadlines (UTC), and the
        // Swedish calendar of due dates (Swedish time, working days).
        .target(
            name: "InboxTime",
            swiftSettings: strictSettings
        ),
        .target(
            name: "InboxCrypto",
            dependencies: ["COpenSSL", "CInboxSystem", "InboxTime"],
            swiftSettings: strictSettings
        ),
        // The TOML subset that the policy and the configuration file are written in, every value
        // with its line and column.
        .target(
            name: "InboxTOML",
            swiftSettings: strictSettings
        ),
        .target(
            name: "InboxPolicy",
            dependencies: ["InboxTime", "InboxTOML"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InboxStore",
            dependencies: [
                "InboxCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                // sqlite3_system_errno: which system error made a write fail (ENOSPC, EROFS).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // TLS to PostgreSQL (sslmode=require, verify-full).
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InboxCore",
            dependencies: ["InboxCrypto", "InboxPolicy", "InboxStore"],
            swiftSettings: strictSettings
        ),
        // Our SMTP client (answers go out by email): SwiftNIO, with NIOSSL for TLS.
        .target(
            name: "InboxMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        // Settings for both executables: option, then environment, then the configuration file.
        .target(
            name: "InboxConfiguration",
            dependencies: [
                "InboxCore",
                "InboxCrypto",
                "InboxPolicy",
                "InboxStore",
                "InboxTOML",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InboxCLI",
            dependencies: [
                "InboxConfiguration",
                "InboxCore",
                "InboxCrypto",
                "InboxMail",
                "InboxPolicy",
                "InboxStore",
                "InboxTime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The case gauges for node_exporter's textfile collector.
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "InboxServer",
            dependencies: [
                "InboxCore",
                "InboxCrypto",
                "InboxPolicy",
                "InboxStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // /metrics on the admin port.
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // SIGHUP: the sealer reads its keys afresh.
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "inbox-server",
            dependencies: [
                "InboxConfiguration",
                "InboxCore",
                "InboxCrypto",
                "InboxServer",
                "InboxStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "inbox",
            dependencies: [
                "InboxCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxCryptoTests",
            dependencies: [
                "CInboxSystem",
                "InboxCrypto",
                "InboxTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // bench/: not a test. Seeds a store and times the purge (bench/README.md).
        .executableTarget(
            name: "purge-benchmark",
            dependencies: ["InboxCore", "InboxCrypto", "InboxStore"],
            path: "bench/PurgeBenchmark",
            swiftSettings: strictSettings
        ),
        // bench/: not a test. What sealing one submission costs, primitive by primitive.
        .executableTarget(
            name: "seal-benchmark",
            dependencies: ["InboxCrypto"],
            path: "bench/SealBenchmark",
            swiftSettings: strictSettings
        ),
        // Tests/Fuzz: every parser of untrusted input as a libFuzzer target (Tests/Fuzz/README.md).
        // Built as usual it replays the checked-in corpus; with -sanitize=fuzzer it fuzzes.
        .executableTarget(
            name: "inbox-fuzz",
            dependencies: [
                "InboxConfiguration", "InboxCore", "InboxMail", "InboxPolicy", "InboxServer", "InboxStore",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/Fuzz/InboxFuzz",
            swiftSettings: strictSettings
        ),
        // Test support: scratch directories, real programs, and pseudo-terminals so that the CLI
        // tests can type a passphrase as a person would.
        .target(
            name: "CPseudoTerminal",
            path: "Tests/CPseudoTerminal"
        ),
        .target(
            name: "InboxTestSupport",
            dependencies: [
                "CPseudoTerminal", "InboxStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/InboxTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxTimeTests",
            dependencies: ["InboxTime"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxTOMLTests",
            dependencies: ["InboxTOML"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxConfigurationTests",
            dependencies: ["InboxConfiguration", "InboxCore", "InboxTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxPolicyTests",
            dependencies: ["InboxPolicy"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxStoreTests",
            dependencies: [
                "InboxStore", "InboxTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxCoreTests",
            dependencies: [
                "InboxCore",
                "InboxPolicy",
                "InboxTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxServerTests",
            dependencies: [
                "InboxServer", "InboxCore", "InboxCrypto", "InboxPolicy", "InboxStore", "InboxTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                // Requests through the application's router in process: every status in seconds.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxMailTests",
            dependencies: [
                "InboxMail",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "InboxCLITests",
            dependencies: [
                "InboxCLI", "InboxCore", "InboxCrypto", "InboxStore", "inbox", "InboxTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
