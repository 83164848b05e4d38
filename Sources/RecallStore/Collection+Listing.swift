import Foundation
import GRDB
import RecallCore

extension Collection {
  /// Every deck with its card counts, by name.
  public func decks() throws -> [DeckSummary] {
    try database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT deck.id, deck.name, COUNT(card.id) AS cards,
                 COALESCE(SUM(card.phase = 'new'), 0) AS new,
                 COALESCE(SUM(card.front = '' OR card.back = ''), 0) AS flagged,
                 COALESCE(SUM(card.suspended), 0) AS suspended
          FROM deck LEFT JOIN card ON card.deckId = deck.id
          GROUP BY deck.id ORDER BY deck.name
          """
      ).map { row in
        DeckSummary(
          id: row["id"], name: row["name"], cards: row["cards"], new: row["new"], flagged: row["flagged"],
          suspended: row["suspended"])
      }
    }
  }

  /// Cards in import order, optionally only those of one deck or whose text contains `search` (case-insensitive).
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)`` when `deck` names no deck.
  public func cards(deck: String? = nil, search: String? = nil) throws -> [Card] {
    try database.read { db in
      var conditions: [String] = []
      var arguments: StatementArguments = []
      if let deck {
        guard try Int64.fetchOne(db, sql: "SELECT id FROM deck WHERE name = ?", arguments: [deck]) != nil else {
          throw StoreError.deckNotFound(deck)
        }
        conditions.append("deck.name = ?")
        _ = arguments.append(contentsOf: [deck])
      }
      if let search, !search.isEmpty {
        conditions.append("(instr(lower(card.front), lower(?)) > 0 OR instr(lower(card.back), lower(?)) > 0)")
        _ = arguments.append(contentsOf: [search, search])
      }
      let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
      return try Row.fetchAll(
        db,
        sql: """
          SELECT card.*, deck.name AS deckName FROM card JOIN deck ON deck.id = card.deckId
          \(filter) ORDER BY deck.name, card.position
          """,
        arguments: arguments
      ).map(Self.card)
    }
  }

  static func card(_ row: Row) -> Card {
    let tags: String = row["tags"]
    let phase: String = row["phase"]
    let schedule = CardSchedule(
      phase: SchedulingPhase(rawValue: phase) ?? .new, step: row["step"], stability: row["stability"],
      difficulty: row["difficulty"], due: Date(timeIntervalSince1970: row["due"]),
      lastReview: (row["lastReview"] as Double?).map(Date.init(timeIntervalSince1970:)), reps: row["reps"],
      lapses: row["lapses"], scheduledDays: row["scheduledDays"])
    return Card(
      id: row["id"], deck: row["deckName"], front: row["front"], back: row["back"],
      tags: tags.split(separator: " ").map(String.init), sourceLine: row["sourceLine"], schedule: schedule,
      suspended: row["suspended"],
      buriedUntil: (row["buriedUntil"] as Double?).map(Date.init(timeIntervalSince1970:)))
  }

  /// The card with this id.
  ///
  /// - Throws: ``StoreError/cardNotFound(_:)``.
  public func card(id: Int64) throws -> Card {
    try database.read { db in try Self.card(id: id, in: db) }
  }

  static func card(id: Int64, in db: Database) throws -> Card {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT card.*, deck.name AS deckName FROM card JOIN deck ON deck.id = card.deckId WHERE card.id = ?",
        arguments: [id])
    else { throw StoreError.cardNotFound(id) }
    return card(row)
  }

  /// Writes a card's schedule, suspension, burial and tags.
  static func write(_ card: Card, modifiedAt now: Date, in db: Database) throws {
    let schedule = card.schedule
    try db.execute(
      sql: """
        UPDATE card SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?, reps = ?,
          lapses = ?, scheduledDays = ?, suspended = ?, buriedUntil = ?, tags = ?, modifiedAt = ?
        WHERE id = ?
        """,
      arguments: [
        schedule.phase.rawValue, schedule.step, schedule.stability, schedule.difficulty,
        schedule.due.timeIntervalSince1970, schedule.lastReview?.timeIntervalSince1970, schedule.reps, schedule.lapses,
        schedule.scheduledDays, card.suspended, card.buriedUntil?.timeIntervalSince1970,
        card.tags.joined(separator: " "), now.timeIntervalSince1970, card.id,
      ])
  }
}
