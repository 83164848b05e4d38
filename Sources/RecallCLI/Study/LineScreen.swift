import Foundation
import RecallCore

/// The plain line protocol, used when standard input is not a terminal (documented in docs/study-protocol.md):
/// every block and prompt on lines of its own, answers read one per line.
final class LineScreen: StudyScreen {
  func show(_ view: CardView) {
    var lines = [
      "deck: \(view.deck)",
      "counts: review \(view.counts.review) · learning \(view.counts.learning) · new \(view.counts.new) · done \(view.done)",
      "card: \(view.cardID)",
      "front:",
    ]
    lines += Self.indented(view.front)
    if let options = view.options {
      lines.append("options:")
      for (index, option) in options.enumerated() {
        let mark = view.chosen == nil ? "" : index == view.correctOption ? " ✓" : index == view.chosen ? " ✗" : ""
        lines.append("  \(index + 1). \(option.replacingOccurrences(of: "\n", with: " / "))\(mark)")
      }
    }
    if let check = view.check {
      lines.append("typed:")
      lines.append("  " + Self.render(check.segments))
      if let points = check.points { lines.append("points: \(points.hit)/\(points.total) · \(points.verdict)") }
      if !check.missed.isEmpty { lines.append("missed: " + check.missed.joined(separator: " · ")) }
      lines.append("suggested: \(check.suggestedRating)")
    }
    if let back = view.back {
      lines.append("back:")
      lines += Self.indented(back)
    }
    if let intervals = view.intervals {
      lines.append(
        "rate: " + intervals.map { "\($0.0.rawValue) \($0.0) \($0.1)" }.joined(separator: " · "))
    }
    emit(lines)
  }

  func read(answerShown: Bool) -> StudyInput? {
    emit([answerShown ? "prompt: rate" : "prompt: reveal"])
    while let line = readLine() {
      if let input = StudyInput.parse(line, answerShown: answerShown) { return input }
      emit(["error: unknown command “\(line)”; ? lists the commands"])
    }
    return nil
  }

  func readTypedAnswer() -> String? {
    emit(["prompt: type (an empty line ends the answer)"])
    return readAnswerLines()
  }

  func readChoice(count: Int) -> StudyInput? {
    emit(["prompt: choose 1-\(count)"])
    while let line = readLine() {
      if let number = Int(line.trimmingCharacters(in: .whitespaces)), (1...count).contains(number) {
        return .choose(number - 1)
      }
      if let input = StudyInput.parse(line, answerShown: false), input != .reveal { return input }
      emit(["error: choose an option from 1 to \(count)"])
    }
    return nil
  }

  func say(_ message: String) { emit([message]) }

  func finish(_ summary: String) { emit(["summary: " + summary]) }

  func suspendForChild(_ body: () throws -> Void) rethrows { try body() }

  private func emit(_ lines: [String]) {
    print(lines.joined(separator: "\n"))
    fflush(nil)
  }

  private static func indented(_ text: String) -> [String] {
    text.isEmpty ? ["  (empty)"] : text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
  }

  /// The diff as text: matches as typed, `[+extra]` and `[-missing]`.
  static func render(_ segments: [AnswerCheck.Segment]) -> String {
    segments.map { segment in
      switch segment {
      case .matched(let text): text
      case .extra(let text): "[+\(text)]"
      case .missing(let text): "[-\(text)]"
      }
    }.joined()
  }
}
