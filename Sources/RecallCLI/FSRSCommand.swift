import ArgumentParser
import Foundation
import RecallCore

/// `recall fsrs`: direct access to the FSRS-6 scheduler.
struct FSRSCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fsrs", abstract: "Run the FSRS-6 scheduler directly.", subcommands: [Replay.self])

  /// `recall fsrs replay`: one JSON line of card history in, one JSON line of states out.
  struct Replay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Replay card histories read as JSON lines on standard input (reference mode, fuzz off).",
      discussion: """
        Input, one line per card: {"parameters": [21 numbers], "desired_retention": 0.9, \
        "learning_steps": [60, 600], "relearning_steps": [600], "maximum_interval": 36500, \
        "reviews": [{"rating": 3, "time": "2024-01-01T12:00:00Z"}, ...]} (all but reviews optional). \
        Output, one line each: {"states": [{"state", "step", "stability", "difficulty", "due", "retrievability"}]} \
        or {"error": "..."}.
        """)

    func run() async throws {
      while let line = readLine(strippingNewline: true) {
        guard !line.isBlank else { continue }
        print(FSRSReplay.answer(line: line))
      }
    }
  }
}

extension String {
  fileprivate var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
