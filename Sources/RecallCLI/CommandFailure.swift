import ArgumentParser
import Foundation

/// A failure the user can act on: its message is printed as `recall: message` and the command exits with 1.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String

  init(_ message: String) { description = message }
}

/// Writes a line to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
}

extension AsyncParsableCommand {
  /// Runs `body`, turning a ``CommandFailure`` into a message on standard error and exit code 1.
  func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let failure as CommandFailure {
      printError("recall: \(failure.description)")
      throw ExitCode.failure
    }
  }
}
