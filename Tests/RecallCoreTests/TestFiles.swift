import Foundation

/// Files the tests read, found from this source file's location so tests run from any working directory.
enum TestFiles {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

  static func data(_ relativePath: String) throws -> Data {
    try Data(contentsOf: testsFolder.appendingPathComponent(relativePath))
  }

  static func repositoryData(_ relativePath: String) throws -> Data {
    try Data(contentsOf: packageRoot.appendingPathComponent(relativePath))
  }
}
