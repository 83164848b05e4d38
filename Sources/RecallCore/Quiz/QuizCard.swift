/// A card as the grader and the quiz modes see it: just its two sides and an id, so they work on any deck
/// without the collection store.
public struct QuizCard: Sendable, Hashable, Codable, Identifiable {
  /// The card's id, echoed back in questions so a caller can find the card again.
  public var id: Int64
  /// The prompt side.
  public var front: String
  /// The answer side.
  public var back: String

  /// Creates a card.
  public init(id: Int64, front: String, back: String) {
    self.id = id
    self.front = front
    self.back = back
  }
}
