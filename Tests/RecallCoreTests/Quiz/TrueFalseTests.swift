import Testing

@testable import RecallCore

/// True/false questions built from a deck.
@Suite("True or false")
struct TrueFalseTests {
  @Test("A front is shown with its own answer or with another card's, about half the time each")
  func pairs() throws {
    let cards = try LabelledAnswers.deck("ww1-causes-quizlet")
    var trues = 0
    var falses = 0
    for seed in 0..<10 {
      let quiz = QuizBuilder(cards: cards, seed: UInt64(seed))
      for card in cards {
        let question = try #require(quiz.trueFalse(for: card))
        #expect(question.prompt == card.front)
        if question.isTrue {
          trues += 1
          #expect(question.shownAnswer == card.back)
        } else {
          falses += 1
          #expect(question.shownAnswer != card.back)
          #expect(cards.contains { $0.back == question.shownAnswer })
        }
        #expect(question.isCorrect(saysTrue: question.isTrue))
      }
    }
    #expect(trues > 40 && falses > 40)
  }

  @Test("The same seed gives the same question")
  func deterministic() throws {
    let cards = try LabelledAnswers.deck("ww1-causes-quizlet")
    #expect(
      QuizBuilder(cards: cards, seed: 5).trueFalse(for: cards[2])
        == QuizBuilder(cards: cards, seed: 5).trueFalse(for: cards[2]))
  }
}
