import Foundation
import GRDB
import RecallCore

/// Today's cards for one deck, in the order they are studied.
public struct StudyQueue: Sendable, Hashable {
  /// Card ids: learning cards due now, then reviews (least likely to be recalled first), then new cards in import
  /// order, then learning cards due within the learn-ahead limit.
  public var cardIDs: [Int64]
  /// How many of each kind are left today.
  public var counts: StudyCounts
  /// Cards of the deck kept out of study because a side is missing.
  public var flagged: Int
  /// When the next learning card not yet in the queue falls due today, if any.
  public var nextLearningDue: Date?
}

extension Collection {
  /// Today's queue for the deck named `deck`, following Anki's rules and the deck's options.
  ///
  /// Suspended, buried and flagged cards are left out. Reviews are limited by the deck's daily review limit minus
  /// the reviews already done today, new cards by the new-card limit minus the new cards already seen today (and
  /// by what is left of the review limit).
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)``.
  /// - Parameter newCardsPerDay: A new-card limit for today instead of the deck's (`recall study --new`).
  public func queue(deck: String, at now: Date = Date(), newCardsPerDay: Int? = nil) throws -> StudyQueue {
    try database.read { db in
      try queue(deckID: Self.existingDeckID(named: deck, in: db), at: now, newCardsPerDay: newCardsPerDay, in: db)
    }
  }

  /// How many new cards of the deck were studied today.
  public func newCardsStudiedToday(deck: String, at now: Date = Date()) throws -> Int {
    try database.read { db in
      let deckID = try Self.existingDeckID(named: deck, in: db)
      return try studiedToday(deckID: deckID, at: now, in: db).new
    }
  }

  private func studiedToday(deckID: Int64, at now: Date, in db: Database) throws -> (new: Int, review: Int) {
    let (options, _) = try scheduling(deckID: deckID, in: db)
    let dayStart = options.day.start(of: now).timeIntervalSince1970
    let done = try Row.fetchOne(
      db,
      sql: """
        SELECT COALESCE(SUM(review.phaseBefore = 'new'), 0), COALESCE(SUM(review.phaseBefore = 'review'), 0)
        FROM review CROSS JOIN card ON card.id = review.cardId
        WHERE review.reviewedAt >= ? AND card.deckId = ? AND review.mode = 'scheduled'
        """, arguments: [dayStart, deckID])
    return (done?[0] ?? 0, done?[1] ?? 0)
  }

  func queue(deckID: Int64, at now: Date, newCardsPerDay: Int? = nil, in db: Database) throws -> StudyQueue {
    var (options, scheduler) = try scheduling(deckID: deckID, in: db)
    if let newCardsPerDay {
      options.newCardsPerDay = newCardsPerDay
      options.reviewsPerDay = max(options.reviewsPerDay, newCardsPerDay)
    }
    let day = options.day
    let dayEnd = day.end(of: now).timeIntervalSince1970
    let timestamp = now.timeIntervalSince1970
    let studiable =
      "deckId = ? AND suspended = 0 AND (buriedUntil IS NULL OR buriedUntil <= ?) AND front != '' AND back != ''"
    let (newDone, reviewsDone) = try studiedToday(deckID: deckID, at: now, in: db)
    let reviewRoom = max(0, options.reviewsPerDay - reviewsDone - newDone)

    var learningNow: [Int64] = []
    var learningAhead: [Int64] = []
    var nextLearningDue: Date?
    let learning = try Row.fetchCursor(
      db,
      sql:
        "SELECT id, due FROM card WHERE \(studiable) AND phase IN ('learning', 'relearning') AND due < ? ORDER BY due",
      arguments: [deckID, timestamp, dayEnd])
    while let row = try learning.next() {
      let due: Double = row["due"]
      if due <= timestamp {
        learningNow.append(row["id"])
      } else if due <= timestamp + options.learnAheadSeconds {
        learningAhead.append(row["id"])
      } else if nextLearningDue == nil {
        nextLearningDue = Date(timeIntervalSince1970: due)
      }
    }

    let flagged =
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM card WHERE deckId = ? AND (front = '' OR back = '')", arguments: [deckID])
      ?? 0
    // Toward an exam, today's reviews and new cards are the plan's (which keeps within the exam's daily cap).
    if let plan = try examPlan(deckID: deckID, at: now, in: db) {
      let planned = plan.days.first { $0.day == day.number(of: now) }
      let inLearning = Set(learningNow + learningAhead)
      let reviews = (planned?.reviews ?? []).compactMap(Int64.init).filter { !inLearning.contains($0) }
      let new = (planned?.newCards ?? []).compactMap(Int64.init)
      return StudyQueue(
        cardIDs: learningNow + reviews + new + learningAhead,
        counts: StudyCounts(review: reviews.count, learning: inLearning.count, new: new.count), flagged: flagged,
        nextLearningDue: nextLearningDue)
    }

    // Columns by position: looking them up by name costs more than the rest of the loop.
    var candidates: [(id: Int64, stability: Double, lastReview: Date)] = []
    let dueReviews = try Row.fetchCursor(
      db,
      sql: "SELECT id, stability, lastReview FROM card WHERE \(studiable) AND phase = 'review' AND due < ?",
      arguments: [deckID, timestamp, dayEnd])
    while let row = try dueReviews.next() {
      candidates.append((row[0], row[1] ?? 0, Date(timeIntervalSince1970: row[2] ?? timestamp)))
    }
    let today = day.number(of: now)
    let reviewDays = day.numbers(of: candidates.map(\.lastReview))
    var reviews = zip(candidates, reviewDays).map { candidate, reviewDay in
      let elapsed = Double(max(0, today - reviewDay))
      let stability = max(candidate.stability, 0.001)
      return (
        id: candidate.id, retrievability: scheduler.model.retrievability(elapsedDays: elapsed, stability: stability)
      )
    }
    reviews.sort { $0.retrievability < $1.retrievability || ($0.retrievability == $1.retrievability && $0.id < $1.id) }
    let reviewIDs = reviews.prefix(reviewRoom).map(\.id)

    let newRoom = max(0, min(options.newCardsPerDay - newDone, reviewRoom - reviewIDs.count))
    let newIDs = try Int64.fetchAll(
      db, sql: "SELECT id FROM card WHERE \(studiable) AND phase = 'new' ORDER BY position LIMIT ?",
      arguments: [deckID, timestamp, newRoom])
    return StudyQueue(
      cardIDs: learningNow + reviewIDs + newIDs + learningAhead,
      counts: StudyCounts(
        review: reviewIDs.count, learning: learningNow.count + learningAhead.count, new: newIDs.count),
      flagged: flagged, nextLearningDue: nextLearningDue)
  }
}
