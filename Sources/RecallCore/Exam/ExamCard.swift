/// A card as the exam planner sees it: its memory state and when it was last reviewed, or new.
public struct ExamCard: Sendable, Hashable {
  /// Identifies the card in the plan.
  public var id: String
  /// The FSRS memory state after the last review; `nil` for a new card.
  public var memory: MemoryState?
  /// The study-day number of the last review; `nil` for a new card.
  public var lastReviewDay: Int?

  /// A card that has been reviewed.
  public init(id: String, memory: MemoryState, lastReviewDay: Int) {
    self.id = id
    self.memory = memory
    self.lastReviewDay = lastReviewDay
  }

  /// A card never studied.
  public init(newCardID id: String) {
    self.id = id
    memory = nil
    lastReviewDay = nil
  }

  /// Whether the card has never been studied.
  public var isNew: Bool { memory == nil }
}
