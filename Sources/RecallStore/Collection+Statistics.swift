import Foundation
import GRDB
import RecallCore

extension Collection {
  /// Statistics of one deck, or of every deck when `deck` is `nil`, with days counted by the deck's (or the
  /// first deck's) day boundary.
  public func statistics(deck: String? = nil, at now: Date = Date()) throws -> DeckStatistics {
    try database.read { db in
      let deckIDs: [Int64] =
        try deck.map { [try Self.existingDeckID(named: $0, in: db)] }
        ?? Int64.fetchAll(db, sql: "SELECT id FROM deck ORDER BY name")
      let decks = deckIDs.isEmpty ? "NULL" : deckIDs.map(String.init).joined(separator: ",")
      let (options, scheduler) =
        try deckIDs.first.map { try scheduling(deckID: $0, in: db) } ?? (DeckOptions(), try DeckOptions().scheduler())
      let day = options.day
      let today = day.number(of: now)
      let monthStart = day.start(ofDay: today - 29).timeIntervalSince1970

      var reviewsPerDay = [Int](repeating: 0, count: 30)
      var reviewedToday = 0
      var passedToday = 0
      var secondsToday = 0.0
      var young = (passed: 0, total: 0)
      var mature = (passed: 0, total: 0)
      let answers = try Row.fetchCursor(
        db,
        sql: """
          SELECT review.reviewedAt, review.rating, review.durationMs, review.phaseBefore, review.mode,
                 json_extract(review.before, '$.schedule.scheduledDays')
          FROM review CROSS JOIN card ON card.id = review.cardId
          WHERE review.reviewedAt >= ? AND card.deckId IN (\(decks))
          """, arguments: [monthStart])
      while let row = try answers.next() {
        let at = Date(timeIntervalSince1970: row[0])
        let rating: Int = row[1]
        let index = 29 - (today - day.number(of: at))
        if (0..<30).contains(index) { reviewsPerDay[index] += 1 }
        if index == 29 {
          reviewedToday += 1
          if rating > 1 { passedToday += 1 }
          secondsToday += Double(row[2] as Int? ?? 0) / 1000
        }
        let phase: String = row[3]
        let mode: String = row[4]
        guard phase == "review", mode == "scheduled" else { continue }
        let interval: Int = row[5] ?? 0
        if interval >= 21 {
          mature.total += 1
          if rating > 1 { mature.passed += 1 }
        } else {
          young.total += 1
          if rating > 1 { young.passed += 1 }
        }
      }

      var forecast = [Int](repeating: 0, count: 30)
      var counts = (new: 0, learning: 0, review: 0, suspended: 0, flagged: 0)
      var retrievabilitySum = 0.0
      var studied = 0
      let cards = try Row.fetchCursor(
        db,
        sql: """
          SELECT phase, due, suspended, front = '' OR back = '', stability, lastReview FROM card
          WHERE deckId IN (\(decks))
          """)
      while let row = try cards.next() {
        let phase: String = row[0]
        let suspended: Bool = row[2]
        let flagged: Bool = row[3]
        if suspended { counts.suspended += 1 }
        if flagged { counts.flagged += 1 }
        switch phase {
        case "new": counts.new += 1
        case "review": counts.review += 1
        default: counts.learning += 1
        }
        if phase != "new", let stability = row[4] as Double?, let lastReview = row[5] as Double? {
          let elapsed = max(0, today - day.number(of: Date(timeIntervalSince1970: lastReview)))
          retrievabilitySum += scheduler.model.retrievability(elapsedDays: Double(elapsed), stability: stability)
          studied += 1
        }
        if phase != "new", !suspended, !flagged {
          let dueDay = max(today, day.number(of: Date(timeIntervalSince1970: row[1])))
          if dueDay - today < 30 { forecast[dueDay - today] += 1 }
        }
      }
      func ratio(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
      return DeckStatistics(
        reviewedToday: reviewedToday, accuracyToday: ratio(passedToday, reviewedToday), secondsToday: secondsToday,
        reviewsPerDay: reviewsPerDay, trueRetentionYoung: ratio(young.passed, young.total),
        trueRetentionMature: ratio(mature.passed, mature.total), youngReviews: young.total,
        matureReviews: mature.total, forecast: forecast, new: counts.new, learning: counts.learning,
        review: counts.review, suspended: counts.suspended, flagged: counts.flagged,
        averageRetrievability: studied == 0 ? nil : retrievabilitySum / Double(studied))
    }
  }
}
