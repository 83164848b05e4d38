import Foundation
import Testing

@testable import RecallCore

/// Cloze questions made from answers.
@Suite("Cloze from an answer")
struct ClozeQuizTests {
  @Test("A key term is blanked: a date, a number or a name before an ordinary word")
  func keyTerm() throws {
    let cards = try LabelledAnswers.deck("ww1-causes-quizlet")
    let quiz = QuizBuilder(cards: cards, seed: 2)
    let dreadnought = try #require(cards.first { $0.front == "Dreadnought" })
    let question = try #require(quiz.cloze(for: dreadnought))
    #expect(question.answer == "1906")
    #expect(question.text == "British battleship launched _____, started the naval race")
    let princip = try #require(cards.first { $0.front == "Gavrilo Princip" })
    #expect(try #require(quiz.cloze(for: princip)).answer == "Black Hand")
  }

  @Test("The blanked term is graded with typos forgiven and other terms refused")
  func grading() throws {
    let cards = try LabelledAnswers.deck("ww1-causes-quizlet")
    let princip = try #require(cards.first { $0.front == "Gavrilo Princip" })
    let question = try #require(QuizBuilder(cards: cards, seed: 2).cloze(for: princip))
    #expect(question.grade("black hand").verdict == .correct)
    #expect(question.grade("Blak Hand").verdict == .correct)
    #expect(question.grade("White Hand").verdict != .correct)
  }

  @Test("Every card of a deck gives a cloze whose blank sits where the term was, or none for a short answer")
  func wholeDeck() throws {
    let cards = try LabelledAnswers.deck("biology-cell-structure")
    let quiz = QuizBuilder(cards: cards, seed: 8)
    for card in cards {
      guard let question = quiz.cloze(for: card) else { continue }
      #expect(question.text.replacingOccurrences(of: ClozeQuestion.blank, with: question.answer) == card.back)
      #expect(!question.answer.isEmpty)
    }
    #expect(quiz.cloze(for: QuizCard(id: 99, front: "Ribosomes", back: "protein synthesis")) == nil)
  }
}
