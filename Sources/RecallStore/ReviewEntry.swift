import Foundation
import RecallCore

/// One row of a card's review history, with the card's state before and after it.
public struct ReviewEntry: Sendable, Hashable, Codable {
  /// How an answer affected the schedule.
  public enum Mode: String, Sendable, Hashable, Codable {
    /// The answer rescheduled the card.
    case scheduled
    /// Practice that left the schedule as it was (`recall study --cram`, Anki's filtered decks without
    /// rescheduling).
    case cram
  }

  /// When the answer was given.
  public var reviewedAt: Date
  /// The rating given.
  public var rating: Rating
  /// How long the answer took, in milliseconds, if measured.
  public var durationMs: Int?
  /// Whether the answer rescheduled the card.
  public var mode: Mode
  /// The card's state before the answer.
  public var before: CardState
  /// The card's state after it.
  public var after: CardState
  /// Days from the answer until the card was due again (fractions for learning steps).
  public var intervalDays: Double

  /// Creates a review entry.
  public init(
    reviewedAt: Date, rating: Rating, durationMs: Int? = nil, mode: Mode = .scheduled, before: CardState,
    after: CardState, intervalDays: Double
  ) {
    self.reviewedAt = reviewedAt
    self.rating = rating
    self.durationMs = durationMs
    self.mode = mode
    self.before = before
    self.after = after
    self.intervalDays = intervalDays
  }
}
