import Foundation
import RecallCore

/// One card as the study screens draw it.
struct CardView {
  var deck: String
  var counts: StudyCounts
  var done: Int
  var cardID: Int64
  var front: String
  var back: String?
  /// The rating keys with the interval each would give, once the answer shows.
  var intervals: [(Rating, String)]?
  /// The typed answer compared with the card's, in typing mode.
  var check: AnswerCheck?
  /// The options of a multiple-choice question, and the chosen one once answered.
  var options: [String]?
  var chosen: Int?
  var correctOption: Int?
}

/// Where a study session draws cards and reads the student's answers: a raw-mode terminal, or the plain line
/// protocol for scripts and tests.
protocol StudyScreen: AnyObject {
  /// Draws a card: its front, and its back and rating keys once revealed.
  func show(_ view: CardView)
  /// Reads the next command; `answerShown` says what Space / Enter / `e` mean. `nil` at the end of input.
  func read(answerShown: Bool) -> StudyInput?
  /// Reads a typed answer (several lines; an empty line ends it). `nil` at the end of input.
  func readTypedAnswer() -> String?
  /// Reads the number of a multiple-choice option (1…count), or another command.
  func readChoice(count: Int) -> StudyInput?
  /// Says something short: what an answer did, a warning, the keys.
  func say(_ message: String)
  /// Shows the end-of-session summary.
  func finish(_ summary: String)
  /// Gives the terminal back for a child program such as `$EDITOR`, and takes it again.
  func suspendForChild(_ body: () throws -> Void) rethrows
}

/// Reads an answer typed over several lines from standard input, up to an empty line; `nil` at the end of input
/// with nothing read.
func readAnswerLines() -> String? {
  var lines: [String] = []
  while let line = readLine() {
    if line.isEmpty { return lines.joined(separator: "\n") }
    lines.append(line)
  }
  return lines.isEmpty ? nil : lines.joined(separator: "\n")
}
