import Foundation
import GRDB
import RecallCore

extension Collection {
  /// Suspends or unsuspends cards: a suspended card is never shown until unsuspended.
  public func setSuspended(_ suspended: Bool, cardIDs: [Int64], at now: Date = Date()) throws {
    try update(cardIDs, at: now) { card, _ in card.suspended = suspended }
  }

  /// Hides cards until the next study day begins (by each card's deck options).
  public func bury(cardIDs: [Int64], at now: Date = Date()) throws {
    try update(cardIDs, at: now) { card, options in card.buriedUntil = options.day.end(of: now) }
  }

  /// Makes cards new again, forgetting their schedule (their review history is kept).
  public func reset(cardIDs: [Int64], at now: Date = Date()) throws {
    try update(cardIDs, at: now) { card, _ in
      card.schedule = .new(due: now)
      card.buriedUntil = nil
    }
  }

  /// Makes cards due `days` study days from today (0 = today), keeping their memory state.
  public func setDue(cardIDs: [Int64], inDays days: Int, at now: Date = Date()) throws {
    try update(cardIDs, at: now) { card, options in
      let day = options.day
      card.schedule.due = day.start(ofDay: day.number(of: now) + max(0, days))
      if card.schedule.phase == .review { card.schedule.scheduledDays = max(0, days) }
    }
  }

  private func update(_ cardIDs: [Int64], at now: Date, _ change: (inout Card, DeckOptions) -> Void) throws {
    try database.write { db in
      for id in cardIDs {
        var card = try Self.card(id: id, in: db)
        change(&card, try Self.options(ofDeck: Self.existingDeckID(named: card.deck, in: db), in: db))
        try Self.write(card, modifiedAt: now, in: db)
      }
    }
  }
}

extension Collection {
  /// Writes many cards' schedules in one transaction, as when bringing in a history kept elsewhere (an Anki
  /// collection, a benchmark's generated state). No review-log rows are written.
  public func writeSchedules(_ schedules: [(cardID: Int64, schedule: CardSchedule)], at now: Date = Date()) throws {
    try database.write { db in
      let statement = try db.cachedStatement(
        sql: """
          UPDATE card SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?, reps = ?,
            lapses = ?, scheduledDays = ?, modifiedAt = ?
          WHERE id = ?
          """)
      for (id, schedule) in schedules {
        try statement.execute(arguments: [
          schedule.phase.rawValue, schedule.step, schedule.stability, schedule.difficulty,
          schedule.due.timeIntervalSince1970, schedule.lastReview?.timeIntervalSince1970, schedule.reps,
          schedule.lapses, schedule.scheduledDays, now.timeIntervalSince1970, id,
        ])
      }
    }
  }
}
