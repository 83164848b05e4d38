/// A multiple-choice question: a card's front with its answer among three distractors from the same deck.
public struct MultipleChoiceQuestion: Sendable, Hashable, Codable {
  /// The card asked about.
  public var cardID: Int64
  /// The question: the card's front.
  public var prompt: String
  /// Four answers in shuffled order: the card's back and three distractors.
  public var options: [String]
  /// Where the card's own back is in `options`.
  public var correctIndex: Int

  /// Creates a question.
  public init(cardID: Int64, prompt: String, options: [String], correctIndex: Int) {
    self.cardID = cardID
    self.prompt = prompt
    self.options = options
    self.correctIndex = correctIndex
  }

  /// Whether choosing `index` answers the question.
  public func isCorrect(choice index: Int) -> Bool { index == correctIndex }
}
