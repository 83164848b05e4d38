/// One review as FSRS training sees it: the rating and the whole days since the card's previous
/// review (0 for the first review and for reviews on the same study day).
public struct FSRSReview: Sendable, Hashable {
  /// The button pressed.
  public var rating: Rating
  /// Study days since the previous review of the card.
  public var elapsedDays: Int

  /// Creates a review.
  public init(rating: Rating, elapsedDays: Int) {
    self.rating = rating
    self.elapsedDays = elapsedDays
  }
}
