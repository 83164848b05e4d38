/// A list-recall question for a card whose answer is a list: "Name the 3 main players in the presidium".
public struct ListRecallQuestion: Sendable, Hashable, Codable {
  /// The card asked about.
  public var cardID: Int64
  /// The question, saying how many items to name.
  public var prompt: String
  /// The items to recall, as on the card.
  public var items: [String]
  /// The card's front and back, graded against.
  public var front: String
  /// The card's answer.
  public var back: String

  /// Creates a question.
  public init(cardID: Int64, prompt: String, items: [String], front: String, back: String) {
    self.cardID = cardID
    self.prompt = prompt
    self.items = items
    self.front = front
    self.back = back
  }

  /// Grades the typed items in any order and layout, and says which were missed.
  public func grade(_ typed: String, grader: AnswerGrader = AnswerGrader(), deck: GradingDeck? = nil) -> GradeResult {
    grader.grade(typed: typed, expected: back, front: front, deck: deck)
  }
}
