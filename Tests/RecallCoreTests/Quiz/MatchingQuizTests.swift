import Testing

@testable import RecallCore

/// Matching exercises built from a deck.
@Suite("Matching")
struct MatchingQuizTests {
  @Test(
    "Five to eight pairs, answers shuffled, the solution pairs each front with its own answer",
    arguments: [3, 5, 6, 8, 12])
  func pairs(_ requested: Int) throws {
    let cards = try LabelledAnswers.deck("networking-unit3")
    let quiz = try #require(QuizBuilder(cards: cards, seed: 9).matching(pairs: requested))
    #expect(quiz.prompts.count == min(max(requested, 5), 8))
    #expect(quiz.answers.count == quiz.prompts.count)
    for (index, prompt) in quiz.prompts.enumerated() {
      let card = try #require(cards.first { $0.id == quiz.cardIDs[index] })
      #expect(card.front == prompt)
      #expect(quiz.answers[quiz.solution[index]] == card.back)
    }
    #expect(Set(quiz.solution).count == quiz.solution.count)
    #expect(quiz.score(quiz.solution) == quiz.prompts.count)
  }

  @Test("The same seed gives the same exercise; a small deck gives none")
  func deterministic() throws {
    let cards = try LabelledAnswers.deck("networking-unit3")
    #expect(QuizBuilder(cards: cards, seed: 4).matching() == QuizBuilder(cards: cards, seed: 4).matching())
    #expect(QuizBuilder(cards: Array(cards.prefix(4)), seed: 4).matching() == nil)
  }
}
