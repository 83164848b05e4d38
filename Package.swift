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
  ],
  targets: [
    // Models, import parsing and scheduling: Foundation only, no I/O, portable to Apple platforms.
    .target(name: "RecallCore"),
    // The collection on disk: SQLite through GRDB, migrations, WAL.
    .target(
      name: "RecallStore",
      dependencies: ["RecallCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The command-line tool: argument parsing and terminal I/O over the libraries.
    .target(
      name: "RecallCLI",
      dependencies: [
        "RecallCore", "RecallStore",
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
  ]
)
