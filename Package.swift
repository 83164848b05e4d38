// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Recall",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "RecallCore", targets: ["RecallCore"]),
    .library(name: "RecallStore", targets: ["RecallStore"]),
    .executable(name: "recall", targets: ["recall"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // Reading and writing Anki's .apkg / .colpkg zip packages.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // The web app (`recall serve`). No default traits: swift-configuration support is not used.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    // Only its HummingbirdBcrypt target (plain C, no further dependencies) is built: password hashing.
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    // Already in Hummingbird's graph; named for NIOPosix's thread pool (blocking store calls), locks, header names.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    // SHA-1 for Anki's note checksums and media names (already in hummingbird-auth's graph).
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    // Models, import parsing and scheduling: Foundation only, no I/O, portable to Apple platforms.
    .target(name: "RecallCore"),
    // The collection on disk: SQLite through GRDB, migrations, WAL.
    .target(
      name: "RecallStore",
      dependencies: ["RecallCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The web app: Hummingbird routes, server-rendered pages, the JSON API, security middleware.
    .target(
      name: "RecallServer",
      dependencies: [
        // RecallAnki: the Import page takes Anki packages and Recall JSON exports too.
        "RecallCore", "RecallStore", "RecallAnki",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      exclude: ["Assets"]
    ),
    // Debian's libzstd: Anki's latest packages compress the collection and media with zstd.
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]),
    // Anki interoperability: .apkg / .colpkg import and export, TSV / CSV / JSON export.
    .target(
      name: "RecallAnki",
      dependencies: [
        "RecallCore", "RecallStore", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The command-line tool: argument parsing and terminal I/O over the libraries.
    .target(
      name: "RecallCLI",
      dependencies: [
        "RecallCore", "RecallStore", "RecallServer", "RecallAnki",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "recall", dependencies: ["RecallCLI"]),
    .executableTarget(name: "recall-bench", dependencies: ["RecallCore", "RecallStore"], path: "bench/Sources"),
    .testTarget(
      name: "RecallCoreTests", dependencies: ["RecallCore"],
      exclude: ["Import/Corpus", "Import/Fixtures", "Scheduling/Fixtures", "Optimization/Fixtures", "Grading/Fixtures"]),
    .testTarget(name: "RecallStoreTests", dependencies: ["RecallStore"]),
    .testTarget(name: "RecallCLITests", dependencies: ["RecallCLI", "recall"]),
    .testTarget(
      name: "RecallAnkiTests",
      dependencies: [
        "RecallAnki", "recall", "CZstd", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "RecallServerTests",
      dependencies: ["RecallServer", .product(name: "HummingbirdTesting", package: "hummingbird")]
    ),
  ]
)
