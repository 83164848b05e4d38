import Foundation
import RecallStore

/// The fixtures Anki made (scripts/anki/make_fixtures.py) and what Anki said about them.
enum AnkiFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let packageRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

  /// One card as Anki reported it.
  struct ExpectedCard: Decodable {
    var id: Int64
    var noteId: Int64
    var deck: String
    var notetype: String
    var fields: [String: String]
    var ord: Int
    var type: Int
    var queue: Int
    var due: Int64
    var ivl: Int
    var reps: Int
    var lapses: Int
    var flags: Int
    var tags: [String]
    var reviews: Int
    var stability: Double?
    var difficulty: Double?
  }

  struct Expected: Decodable {
    var crt: Int64
    var today: Int
    var cards: [ExpectedCard]
  }

  static func expected() throws -> Expected {
    try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url("expected.json")))
  }
}

/// A folder of its own for one test, removed afterwards.
final class ScratchFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-anki-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func path(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// A new collection file in the folder.
  func collection(_ name: String = "collection.sqlite") throws -> Collection {
    try Collection(path: path(name).path)
  }
}

/// Runs the repository's Python scripts with the virtualenv `.ci/run` creates (Anki's own library is in it).
enum AnkiPython {
  static let python = AnkiFixtures.packageRoot.appendingPathComponent(".venv/bin/python")

  /// Whether the virtualenv is there; tests that need Anki itself are skipped, with a message, when it is not.
  static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python.path) }

  static let skipMessage = "skipped: .venv/bin/python with PyPI anki is missing (run .ci/run, which creates it)"

  /// Runs `scripts/anki/<script>` with `arguments`; returns its standard output, or throws with its errors.
  static func run(_ script: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = python
    process.arguments = [AnkiFixtures.packageRoot.appendingPathComponent("scripts/anki/\(script)").path] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ScriptFailure(description: "\(script) failed (\(process.terminationStatus)): \(errorText)")
    }
    return data
  }

  struct ScriptFailure: Error, CustomStringConvertible {
    let description: String
  }
}
