/// One answer in a simulated history.
public struct SimulatedReview: Sendable, Hashable {
  /// The day of the answer (0 is the first simulated day).
  public var day: Int
  /// The answer.
  public var rating: Rating

  /// Creates a review.
  public init(day: Int, rating: Rating) {
    self.day = day
    self.rating = rating
  }
}
