import Testing

@testable import RecallCore

/// List-recall questions for answers that are lists.
@Suite("List recall")
struct ListRecallTests {
  @Test(
    "The prompt says how many items to name",
    arguments: [
      ("Who were the main players in the presidium?", "Name the 3 main players in the presidium"),
      ("Features of destalinisation", "Name the 3 features of destalinisation"),
      ("What are the essential elements of a valid contract", "Name the 3 essential elements of a valid contract"),
      ("MAIN", "MAIN — name all 3"),
      ("", "Name all 3 points"),
    ])
  func prompt(_ pair: (String, String)) {
    #expect(QuizBuilder.listPrompt(front: pair.0, count: 3) == pair.1)
  }

  @Test("A bulleted answer gives a question graded in any order, with the missed items named")
  func grading() throws {
    let card = QuizCard(
      id: 1, front: "Who were the main players in the presidium?", back: "- Malenkov\n- Beria\n- Khrushchev")
    let question = try #require(QuizBuilder(cards: [card], seed: 1).listRecall(for: card))
    #expect(question.prompt == "Name the 3 main players in the presidium")
    #expect(question.items == ["Malenkov", "Beria", "Khrushchev"])
    #expect(question.grade("Khrushchev, Malenkov, Beria").verdict == .correct)
    let partial = question.grade("Beria and Khrushchev")
    #expect(partial.verdict == .partial)
    #expect(partial.missed == ["Malenkov"])
  }

  @Test("Only list answers qualify")
  func onlyLists() {
    let prose = QuizCard(id: 1, front: "Beria’s role:", back: "Head of the secret police (NKVD)")
    let sentences = QuizCard(id: 2, front: "Current", back: "The rate of flow of charge. I = Q/t")
    let commaList = QuizCard(id: 3, front: "Triple Entente", back: "Britain, France, Russia")
    let quiz = QuizBuilder(cards: [prose, sentences, commaList], seed: 1)
    #expect(quiz.listRecall(for: prose) == nil)
    #expect(quiz.listRecall(for: sentences) == nil)
    #expect(quiz.listRecall(for: commaList)?.items == ["Britain", "France", "Russia"])
  }
}
