import Foundation

/// The review log of one card, oldest answer first: the optimizer's unit of input.
///
/// The history must start with the card's first review; a log that begins in the middle (an
/// imported card, a reset) makes the first answer look like a new card's.
public struct CardHistory: Sendable, Hashable {
  /// Identifies the card; items built from this history carry it, and the optimizer groups
  /// training work by it.
  public var cardID: String
  /// The answers in chronological order.
  public var reviews: [ReviewEvent]

  /// Creates a history; `reviews` are sorted by time (stably, so equal times keep their order).
  public init(cardID: String, reviews: [ReviewEvent]) {
    self.cardID = cardID
    self.reviews = Self.chronological(reviews)
  }

  /// The reviews before `cutoff`, for fitting on the past and testing on the future.
  public func truncated(before cutoff: Date) -> CardHistory {
    CardHistory(cardID: cardID, sortedReviews: reviews.filter { $0.time < cutoff })
  }

  private init(cardID: String, sortedReviews: [ReviewEvent]) {
    self.cardID = cardID
    self.reviews = sortedReviews
  }

  private static func chronological(_ reviews: [ReviewEvent]) -> [ReviewEvent] {
    // Already sorted is the common case (logs are append-only); skip the copy then.
    if zip(reviews, reviews.dropFirst()).allSatisfy({ $0.time <= $1.time }) { return reviews }
    return reviews.enumerated()
      .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
      .map(\.element)
  }
}
