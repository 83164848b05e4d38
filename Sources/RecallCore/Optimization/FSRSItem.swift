import Foundation

/// One prediction target: a review at least a day after the card's previous one, with every
/// earlier review of the card (fsrs-rs `FSRSItem`).
///
/// The model replays ``history`` to a memory state, predicts the probability of recall after
/// ``current``'s elapsed days, and is scored against whether ``current`` was a pass (Hard, Good
/// or Easy) or a lapse (Again).
public struct FSRSItem: Sendable, Hashable {
  /// The card the item comes from.
  public var cardID: String
  /// When the target review happened; items are ordered by it for recency weighting and time
  /// splits.
  public var time: Date
  /// The card's reviews up to and including the target, oldest first. The first has 0 elapsed
  /// days; the last has at least 1.
  ///
  /// A slice so that the items of one card share a single array instead of copying a growing
  /// prefix each.
  public var reviews: ArraySlice<FSRSReview>

  /// Creates an item. `reviews` must not be empty.
  public init(cardID: String, time: Date, reviews: ArraySlice<FSRSReview>) {
    precondition(!reviews.isEmpty, "an FSRS item needs at least one review")
    self.cardID = cardID
    self.time = time
    self.reviews = reviews
  }

  /// The reviews before the target.
  public var history: ArraySlice<FSRSReview> { reviews.dropLast() }

  /// The target review.
  public var current: FSRSReview { reviews[reviews.endIndex - 1] }

  /// Whether the target review was a pass (anything but Again).
  public var recalled: Bool { current.rating != .again }

  /// Reviews at least a day after the previous one, the target included (fsrs-rs
  /// `long_term_review_cnt`).
  public var longTermReviewCount: Int {
    reviews.reduce(0) { $0 + ($1.elapsedDays > 0 ? 1 : 0) }
  }

  /// The first review at least a day after the previous one (fsrs-rs `first_long_term_review`).
  var firstLongTermReview: FSRSReview? {
    reviews.first { $0.elapsedDays > 0 }
  }
}
