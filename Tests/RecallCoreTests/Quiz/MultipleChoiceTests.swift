import Testing

@testable import RecallCore

/// Multiple-choice questions built from a deck.
@Suite("Multiple choice")
struct MultipleChoiceTests {
  static let khrushchev = Result { try LabelledAnswers.deck("khrushchev") }

  @Test("Four options: the card's answer and three distinct distractors from the deck")
  func options() throws {
    let cards = try Self.khrushchev.get()
    let quiz = QuizBuilder(cards: cards, seed: 1)
    var asked = 0
    for card in cards {
      guard let question = quiz.multipleChoice(for: card) else { continue }
      asked += 1
      #expect(question.options.count == 4)
      #expect(question.options[question.correctIndex] == card.back)
      #expect(question.isCorrect(choice: question.correctIndex))
      let keys = question.options.map { AnswerShape($0).key }
      #expect(Set(keys).count == 4, "duplicate after normalisation in \(question.options)")
      let backs = Set(cards.map(\.back))
      #expect(question.options.allSatisfy(backs.contains))
    }
    #expect(asked >= 20)
  }

  @Test("The same seed gives the same question; other seeds shuffle differently")
  func deterministic() throws {
    let cards = try Self.khrushchev.get()
    let card = cards[5]
    let first = QuizBuilder(cards: cards, seed: 7).multipleChoice(for: card)
    // Building other questions first does not change this one.
    let builder = QuizBuilder(cards: cards, seed: 7)
    _ = builder.multipleChoice(for: cards[3])
    #expect(builder.multipleChoice(for: card) == first)
    let orders = Set(
      (0..<8).compactMap { QuizBuilder(cards: cards, seed: UInt64($0)).multipleChoice(for: card)?.correctIndex })
    #expect(orders.count > 1)
  }

  @Test("Distractors are of the same kind: lists for a list, names for names")
  func sameKind() throws {
    let cards = try Self.khrushchev.get()
    let quiz = QuizBuilder(cards: cards, seed: 3)
    let players = try #require(cards.first { $0.front.hasPrefix("Who were the main players") })
    let question = try #require(quiz.multipleChoice(for: players))
    #expect(question.options.allSatisfy { $0.hasPrefix("- ") }, "\(question.options)")
  }

  @Test("Dates get dates: nearby years stand in when the deck has too few")
  func dates() throws {
    let cards = [
      QuizCard(id: 1, front: "When was Louis XVI executed", back: "21 January 1793"),
      QuizCard(id: 2, front: "Storming of the Bastille", back: "14 July 1789"),
      QuizCard(id: 3, front: "Capital of France", back: "Paris"),
      QuizCard(id: 4, front: "Who was the finance minister sacked in 1781", back: "Jacques Necker"),
      QuizCard(id: 5, front: "What ended the Terror?", back: "Thermidor – Robespierre arrested and guillotined"),
    ]
    let question = try #require(QuizBuilder(cards: cards, seed: 11).multipleChoice(for: cards[0]))
    #expect(question.options.allSatisfy { AnswerShape($0).kind == .date }, "\(question.options)")
    #expect(Set(question.options).count == 4)
  }

  @Test("No question without a front, an answer, or three distractors")
  func noQuestion() {
    let cards = [QuizCard(id: 1, front: "a", back: "b"), QuizCard(id: 2, front: "c", back: "d")]
    #expect(QuizBuilder(cards: cards, seed: 1).multipleChoice(for: cards[0]) == nil)
    let blank = QuizCard(id: 3, front: "", back: "x")
    #expect(QuizBuilder(cards: cards + [blank], seed: 1).multipleChoice(for: blank) == nil)
  }

  @Test("A small deck offers what it has when fewer distractors are accepted")
  func fewerDistractors() throws {
    let cards = [
      QuizCard(id: 1, front: "Capital of France", back: "Paris"),
      QuizCard(id: 2, front: "Capital of Germany", back: "Berlin"),
    ]
    let builder = QuizBuilder(cards: cards, seed: 1)
    let question = try #require(builder.multipleChoice(for: cards[0], minimumDistractors: 1))
    #expect(Set(question.options) == ["Paris", "Berlin"])
    #expect(question.options[question.correctIndex] == "Paris")
    #expect(builder.multipleChoice(for: cards[0]) == nil)
  }
}
