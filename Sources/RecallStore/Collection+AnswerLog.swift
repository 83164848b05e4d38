import Foundation
import GRDB
import RecallCore

/// One answer in the review log, as the Stats charts count it.
public struct LoggedAnswer: Sendable, Hashable {
  /// When the answer was given.
  public var reviewedAt: Date
  /// The rating given.
  public var rating: Rating
  /// The card's phase before the answer.
  public var phaseBefore: SchedulingPhase
  /// Whether the answer rescheduled the card.
  public var mode: ReviewEntry.Mode
}

extension Collection {
  /// Every answer given to the cards of the deck named `deck` (of every deck when `nil`) since `start`, oldest
  /// first, read in one query over the review log's time index.
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)`` when no deck has that name.
  public func answers(deck: String? = nil, since start: Date) throws -> [LoggedAnswer] {
    try database.read { db in
      let deckID = try deck.map { try Self.existingDeckID(named: $0, in: db) }
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT review.reviewedAt, review.rating, review.phaseBefore, review.mode
          FROM review \(deckID == nil ? "" : "JOIN card ON card.id = review.cardId AND card.deckId = ?")
          WHERE review.reviewedAt >= ? ORDER BY review.reviewedAt
          """,
        arguments: deckID.map { [$0, start.timeIntervalSince1970] } ?? [start.timeIntervalSince1970])
      var answers: [LoggedAnswer] = []
      while let row = try rows.next() {
        answers.append(
          LoggedAnswer(
            reviewedAt: Date(timeIntervalSince1970: row[0]), rating: Rating(rawValue: row[1]) ?? .again,
            phaseBefore: SchedulingPhase(rawValue: row[2]) ?? .review,
            mode: ReviewEntry.Mode(rawValue: row[3]) ?? .scheduled))
      }
      return answers
    }
  }
}
