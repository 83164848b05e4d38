/// How many cards are left to study today, as the study screen's header shows them.
public struct StudyCounts: Sendable, Hashable, Codable {
  /// Reviews due today, within the daily review limit.
  public var review: Int
  /// Learning and relearning cards due now (or within the learn-ahead limit).
  public var learning: Int
  /// New cards still to introduce today, within the daily new-card limit.
  public var new: Int

  /// Creates counts.
  public init(review: Int, learning: Int, new: Int) {
    self.review = review
    self.learning = learning
    self.new = new
  }

  /// All cards left today.
  public var total: Int { review + learning + new }
}
