import Foundation

/// What `recall stats` shows about a deck (or the whole collection): today, the last 30 days, retention, the
/// forecast and the cards' states.
public struct DeckStatistics: Sendable, Hashable, Codable {
  /// Answers given today (scheduled and cram).
  public var reviewedToday: Int
  /// The share of today's answers that were not Again, or `nil` with no answers.
  public var accuracyToday: Double?
  /// Time spent answering today, in seconds.
  public var secondsToday: Double
  /// Answers per study day over the last 30 days, oldest first (today last).
  public var reviewsPerDay: [Int]
  /// Pass rate of review cards over the last 30 days by interval: young (< 21 days) and mature (≥ 21 days), as
  /// in Anki's "true retention" table; `nil` where there were no such reviews.
  public var trueRetentionYoung: Double?
  /// See ``trueRetentionYoung``.
  public var trueRetentionMature: Double?
  /// Review answers behind ``trueRetentionYoung`` and ``trueRetentionMature``.
  public var youngReviews: Int
  /// See ``youngReviews``.
  public var matureReviews: Int
  /// Cards due on each of the next 30 study days (today first, overdue cards counted today).
  public var forecast: [Int]
  /// Cards never studied.
  public var new: Int
  /// Cards in learning or relearning.
  public var learning: Int
  /// Cards in review.
  public var review: Int
  /// Suspended cards.
  public var suspended: Int
  /// Cards with a missing side.
  public var flagged: Int
  /// Mean recall probability now of the cards studied at least once, or `nil` when none has been.
  public var averageRetrievability: Double?

  /// Creates statistics.
  public init(
    reviewedToday: Int, accuracyToday: Double?, secondsToday: Double, reviewsPerDay: [Int],
    trueRetentionYoung: Double?, trueRetentionMature: Double?, youngReviews: Int, matureReviews: Int,
    forecast: [Int], new: Int, learning: Int, review: Int, suspended: Int, flagged: Int,
    averageRetrievability: Double?
  ) {
    self.reviewedToday = reviewedToday
    self.accuracyToday = accuracyToday
    self.secondsToday = secondsToday
    self.reviewsPerDay = reviewsPerDay
    self.trueRetentionYoung = trueRetentionYoung
    self.trueRetentionMature = trueRetentionMature
    self.youngReviews = youngReviews
    self.matureReviews = matureReviews
    self.forecast = forecast
    self.new = new
    self.learning = learning
    self.review = review
    self.suspended = suspended
    self.flagged = flagged
    self.averageRetrievability = averageRetrievability
  }
}
