import Foundation
import GRDB
import RecallCore

/// What answering a card did.
public struct AnswerOutcome: Sendable, Hashable {
  /// The review-log row written for the answer.
  public var reviewID: Int64
  /// The card as it was before the answer.
  public var before: Card
  /// The card as it is now.
  public var after: Card
  /// Whether this answer made the card a leech (again).
  public var becameLeech: Bool
}

/// One row of a card's review history.
public struct ReviewRecord: Sendable, Hashable, Codable {
  /// The row's id in the review log.
  public var id: Int64
  /// The card answered.
  public var cardID: Int64
  /// When the answer was given.
  public var reviewedAt: Date
  /// The rating given.
  public var rating: Rating
  /// How long the student took, in milliseconds, if measured.
  public var durationMs: Int?
  /// The card's phase before the answer.
  public var phaseBefore: SchedulingPhase
  /// The card's phase after it.
  public var phaseAfter: SchedulingPhase
  /// Stability after the answer, in days.
  public var stability: Double?
  /// Difficulty after the answer.
  public var difficulty: Double?
  /// Days until the card is due again.
  public var intervalDays: Double
  /// `scheduled`, or `cram` for practice that did not change the schedule.
  public var mode: String
}

extension Collection {
  /// Answers a card: computes its next state with its deck's scheduler and writes it together with an append-only
  /// review-log row, in one durable transaction. Once this returns, the answer survives a crash or `kill -9`.
  ///
  /// The fuzz seed is the card id plus its review count, so undoing and answering again gives the same interval.
  /// With `cram`, the answer is logged but the card's schedule is left as it was.
  ///
  /// - Throws: ``StoreError/cardNotFound(_:)``; ``FSRSError`` when the deck's options are invalid.
  @discardableResult
  public func answer(
    cardID: Int64, rating: Rating, at now: Date = Date(), duration: TimeInterval? = nil, cram: Bool = false
  ) throws -> AnswerOutcome {
    try database.write { db in
      let before = try Self.card(id: cardID, in: db)
      let (options, scheduler) = try scheduling(cardID: cardID, in: db)
      var after = before
      var becameLeech = false
      if !cram {
        let seed = FuzzSeed.make(cardID: UInt64(bitPattern: cardID), reps: before.schedule.reps)
        after.schedule = scheduler.next(before.schedule, rating: rating, at: now, fuzzSeed: seed)
        if after.schedule.lapses > before.schedule.lapses, options.isLeechThreshold(lapses: after.schedule.lapses) {
          becameLeech = true
          if !after.tags.contains("leech") { after.tags.append("leech") }
          if options.leechAction == .suspend { after.suspended = true }
        }
        try Self.write(after, modifiedAt: now, in: db)
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO review (cardId, reviewedAt, rating, phaseBefore, phaseAfter, durationMs, before, after, stability,
            difficulty, intervalDays, mode)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          cardID, now.timeIntervalSince1970, rating.rawValue, before.schedule.phase.rawValue,
          after.schedule.phase.rawValue, duration.map { Int(($0 * 1000).rounded()) },
          try CardState(before).json(), try CardState(after).json(), after.schedule.stability,
          after.schedule.difficulty, after.schedule.due.timeIntervalSince(now) / 86_400, cram ? "cram" : "scheduled",
        ])
      return AnswerOutcome(reviewID: db.lastInsertedRowID, before: before, after: after, becameLeech: becameLeech)
    }
  }

  /// Takes back the most recent answer in the collection: the card returns exactly to its state before it, and
  /// the answer's review-log row is removed. Call again to go further back.
  ///
  /// - Returns: The card as restored, or `nil` when there is no answer to undo.
  @discardableResult
  public func undoLastAnswer(at now: Date = Date()) throws -> Card? {
    try database.write { db in
      guard let row = try Row.fetchOne(db, sql: "SELECT id, cardId, before FROM review ORDER BY id DESC LIMIT 1")
      else { return nil }
      var card = try Self.card(id: row["cardId"], in: db)
      let snapshot = try CardState.decode(row["before"])
      card.schedule = snapshot.schedule
      card.suspended = snapshot.suspended
      card.buriedUntil = snapshot.buriedUntil
      card.tags = snapshot.tags
      try Self.write(card, modifiedAt: now, in: db)
      try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [row["id"] as Int64])
      return card
    }
  }

  /// What each rating would do to the card now, without changing anything.
  public func preview(cardID: Int64, at now: Date = Date()) throws -> [Rating: CardSchedule] {
    try database.read { db in
      let card = try Self.card(id: cardID, in: db)
      let options = try Self.options(ofDeck: Self.existingDeckID(named: card.deck, in: db), in: db)
      let seed = FuzzSeed.make(cardID: UInt64(bitPattern: cardID), reps: card.schedule.reps)
      return try options.scheduler().preview(card.schedule, at: now, fuzzSeed: seed)
    }
  }

  /// The card's recall probability now, by its deck's scheduler.
  public func retrievability(cardID: Int64, at now: Date = Date()) throws -> Double {
    try database.read { db in
      let card = try Self.card(id: cardID, in: db)
      let options = try Self.options(ofDeck: Self.existingDeckID(named: card.deck, in: db), in: db)
      return try options.scheduler().retrievability(of: card.schedule, at: now)
    }
  }

  /// The card's review history, oldest first.
  public func history(cardID: Int64) throws -> [ReviewRecord] {
    try database.read { db in
      _ = try Self.card(id: cardID, in: db)
      return try Row.fetchAll(db, sql: "SELECT * FROM review WHERE cardId = ? ORDER BY id", arguments: [cardID]).map {
        row in
        let before = try CardState.decode(row["before"])
        let after = try CardState.decode(row["after"])
        return ReviewRecord(
          id: row["id"], cardID: row["cardId"], reviewedAt: Date(timeIntervalSince1970: row["reviewedAt"]),
          rating: Rating(rawValue: row["rating"]) ?? .again, durationMs: row["durationMs"],
          phaseBefore: before.schedule.phase, phaseAfter: after.schedule.phase, stability: row["stability"],
          difficulty: row["difficulty"], intervalDays: row["intervalDays"], mode: row["mode"])
      }
    }
  }
}
