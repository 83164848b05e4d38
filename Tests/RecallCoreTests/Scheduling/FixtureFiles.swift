import Foundation

/// Reads the gzip-compressed JSONL fixtures next to this file.
///
/// Decompression shells out to `gzip -dc` because RecallCore is Foundation-only and Foundation
/// has no gzip reader on Linux; tests may do I/O.
enum FixtureFiles {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// The non-empty lines of a `.jsonl.gz` fixture.
  static func lines(_ name: String) throws -> [String] {
    let url = directory.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw Failure(description: "missing fixture \(url.path); run scripts/fsrs/generate_*.py")
    }
    let gzip = ["/bin/gzip", "/usr/bin/gzip"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let gzip else { throw Failure(description: "gzip not found") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: gzip)
    process.arguments = ["-dc", url.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    // Read before waiting: the pipe buffer is far smaller than the fixture.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "gzip -dc \(name) exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Decodes one JSON line.
  static func decode<T: Decodable>(_ type: T.Type, _ line: String) throws -> T {
    let decoder = JSONDecoder()
    // The generators write Python's snake_case keys.
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(type, from: Data(line.utf8))
  }
}

/// |a − b| relative to the larger magnitude; 0 when both are 0.
func relativeError(_ a: Double, _ b: Double) -> Double {
  if a == b { return 0 }
  return abs(a - b) / max(abs(a), abs(b))
}
