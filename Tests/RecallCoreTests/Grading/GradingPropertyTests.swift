import Testing

@testable import RecallCore

/// Properties that must hold for every card of the import corpus (hundreds of real answers of many subjects).
@Suite("Grading properties over the corpus cards")
struct GradingPropertyTests {
  struct Card: Sendable, CustomTestStringConvertible {
    let deck: String
    let card: QuizCard
    var testDescription: String { "\(deck)#\(card.id)" }
  }

  static let decks = Result { try LabelledAnswers.allDecks() }
  static let gradingDecks = Result { try decks.get().mapValues { GradingDeck(cards: $0) } }

  static func cards() throws -> [Card] {
    try decks.get().sorted { $0.key < $1.key }.flatMap { name, cards in
      cards.filter { !$0.back.trimmingWhitespace().isEmpty }.map { Card(deck: name, card: $0) }
    }
  }

  @Test("The expected answer typed back always grades correct, every point hit")
  func expectedIsCorrect() throws {
    let grader = AnswerGrader()
    for card in try Self.cards() {
      let deck = try Self.gradingDecks.get()[card.deck]
      let result = grader.grade(typed: card.card.back, expected: card.card.back, front: card.card.front, deck: deck)
      #expect(result.verdict == .correct, "\(card.testDescription): missed \(result.missed)")
      #expect(result.pointsHit == result.pointsTotal, "\(card.testDescription)")
    }
  }

  @Test("Reordering typed bullets never changes the score")
  func reorderingKeepsScore() throws {
    let grader = AnswerGrader()
    for card in try Self.cards() {
      let key = AnswerKey(expected: card.card.back, front: card.card.front)
      let points = key.points
      guard points.count >= 2 else { continue }
      // Every point, and every other point, typed as bullets in the card's order and reversed.
      for subset in [points, points.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)] {
        let forward = grader.grade(subset.map { "- " + $0 }.joined(separator: "\n"), against: key)
        let backward = grader.grade(subset.reversed().map { "- " + $0 }.joined(separator: "\n"), against: key)
        #expect(forward.pointsHit == backward.pointsHit, "\(card.testDescription)")
        #expect(forward.verdict == backward.verdict, "\(card.testDescription)")
      }
    }
  }

  @Test("Negating a correct one-point answer makes it wrong")
  func negationMakesWrong() throws {
    let grader = AnswerGrader()
    var checked = 0
    for card in try Self.cards() {
      let key = AnswerKey(expected: card.card.back, front: card.card.front)
      let tokens = TextNormalizer.tokens(card.card.back)
      // One point, one clause, and nothing already negated: "not" before it reverses all of it.
      guard key.points.count == 1, Set(tokens.map(\.clause)).count == 1,
        !tokens.contains(where: { $0.kind == .negation }),
        tokens.contains(where: { $0.kind == .word && !$0.optional })
      else { continue }
      checked += 1
      let result = grader.grade("not " + card.card.back, against: key)
      #expect(result.verdict == .wrong, "\(card.testDescription): \(card.card.back)")
    }
    #expect(checked >= 20)
  }
}
