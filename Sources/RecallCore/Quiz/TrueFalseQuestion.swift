/// A true-or-false question: a card's front paired with its own answer or with another card's.
public struct TrueFalseQuestion: Sendable, Hashable, Codable {
  /// The card asked about.
  public var cardID: Int64
  /// The question: the card's front.
  public var prompt: String
  /// The answer shown with it.
  public var shownAnswer: String
  /// Whether `shownAnswer` is the card's own answer.
  public var isTrue: Bool

  /// Creates a question.
  public init(cardID: Int64, prompt: String, shownAnswer: String, isTrue: Bool) {
    self.cardID = cardID
    self.prompt = prompt
    self.shownAnswer = shownAnswer
    self.isTrue = isTrue
  }

  /// Whether answering `saysTrue` is right.
  public func isCorrect(saysTrue: Bool) -> Bool { saysTrue == isTrue }
}
