import Foundation
import Testing

@testable import RecallCore

/// The grader against the hand-labelled development set (`Fixtures/grading-dev.jsonl`, described in
/// `Fixtures/README.md`): the targets are verdict accuracy ≥ 0.85 with false accepts on wrong answers
/// ≤ 0.10.
@Suite("Development set")
struct DevelopmentSetTests {
  struct Outcome: Sendable {
    let answer: LabelledAnswer
    let result: GradeResult
  }

  /// Graded once for all the tests of the suite.
  static let outcomes = Result { try grade() }

  static func grade() throws -> [Outcome] {
    var decks: [String: GradingDeck] = [:]
    let grader = AnswerGrader()
    return try LabelledAnswers.development().map { answer in
      if decks[answer.deck] == nil { decks[answer.deck] = GradingDeck(cards: try LabelledAnswers.deck(answer.deck)) }
      let result = grader.grade(
        typed: answer.typed, expected: answer.expected, front: answer.front, deck: decks[answer.deck])
      return Outcome(answer: answer, result: result)
    }
  }

  @Test("Verdict accuracy ≥ 0.85 and false accepts on wrong answers ≤ 0.10")
  func meetsTargets() throws {
    let outcomes = try Self.outcomes.get()
    #expect(outcomes.count >= 250)
    let right = outcomes.filter { $0.result.verdict == $0.answer.verdict }
    let wrong = outcomes.filter { $0.answer.verdict == .wrong }
    let falseAccepts = wrong.filter { $0.result.verdict == .correct }
    let accuracy = Double(right.count) / Double(outcomes.count)
    let falseAcceptRate = Double(falseAccepts.count) / Double(wrong.count)
    #expect(accuracy >= 0.85, "accuracy \(accuracy)")
    #expect(falseAcceptRate <= 0.10, "false-accept rate \(falseAcceptRate)")
    // The rating follows the verdict: Good only for correct.
    #expect(outcomes.allSatisfy { ($0.result.suggestedRating == .good) == ($0.result.verdict == .correct) })
  }

  @Test("Every kind of answer in the set is mostly graded right")
  func byKind() throws {
    let outcomes = try Self.outcomes.get()
    for (kind, group) in Dictionary(grouping: outcomes, by: \.answer.kind) {
      let right = group.filter { $0.result.verdict == $0.answer.verdict }.count
      #expect(Double(right) / Double(group.count) >= 0.6, "\(kind): \(right)/\(group.count)")
    }
  }
}
