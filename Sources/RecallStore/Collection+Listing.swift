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
      // A cursor, not `fetchAll`: each row becomes a card as it is read, without an array of rows in between
      // (a deck of 100,000 cards is read whole by Browse and Stats).
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.cardColumns) FROM card JOIN deck ON deck.id = card.deckId
          \(filter) ORDER BY deck.name, card.position
          """,
        arguments: arguments)
      var cards: [Card] = []
      while let row = try rows.next() { cards.append(Self.card(row)) }
      return cards
    }
  }

  /// The columns ``card(_:)`` reads, in the order it reads them: by position, since looking columns up by name
  /// costs more than decoding them.
  static let cardColumns = """
    card.id, deck.name, card.front, card.back, card.tags, card.sourceLine, card.phase, card.step, card.stability,
    card.difficulty, card.due, card.lastReview, card.reps, card.lapses, card.scheduledDays, card.suspended,
    card.buriedUntil
    """

  static func card(_ row: Row) -> Card {
    let tags: String = row[4]
    let phase: String = row[6]
    let schedule = CardSchedule(
      phase: SchedulingPhase(rawValue: phase) ?? .new, step: row[7], stability: row[8], difficulty: row[9],
      due: Date(timeIntervalSince1970: row[10]),
      lastReview: (row[11] as Double?).map(Date.init(timeIntervalSince1970:)),
      reps: row[12], lapses: row[13], scheduledDays: row[14])
    return Card(
      id: row[0], deck: row[1], front: row[2], back: row[3], tags: tags.split(separator: " ").map(String.init),
      sourceLine: row[5], schedule: schedule, suspended: row[15],
      buriedUntil: (row[16] as Double?).map(Date.init(timeIntervalSince1970:)))
  }

  /// The card with this id.
  ///
  /// - Throws: ``StoreError/cardNotFound(_:)``.
  public func card(id: Int64) throws -> Card {
    try database.read { db in try Self.card(id: id, in: db) }
  }

  static func card(id: Int64, in db: Database) throws -> Card {
    // Cached statements: preparing SQL costs more than running it, and answering reads and writes one card each time.
    let statement = try db.cachedStatement(
      sql: "SELECT \(cardColumns) FROM card JOIN deck ON deck.id = card.deckId WHERE card.id = ?")
    guard let row = try Row.fetchOne(statement, arguments: [id]) else { throw StoreError.cardNotFound(id) }
    return card(row)
  }

  /// Writes a card's schedule, suspension, burial and tags.
  static func write(_ card: Card, modifiedAt now: Date, in db: Database) throws {
    let schedule = card.schedule
    try db.cachedStatement(
      sql: """
        UPDATE card SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ?, lastReview = ?, reps = ?,
          lapses = ?, scheduledDays = ?, suspended = ?, buriedUntil = ?, tags = ?, modifiedAt = ?
        WHERE id = ?
        """
    ).execute(
      arguments: [
        schedule.phase.rawValue, schedule.step, schedule.stability, schedule.difficulty,
        schedule.due.timeIntervalSince1970, schedule.lastReview?.timeIntervalSince1970, schedule.reps, schedule.lapses,
        schedule.scheduledDays, card.suspended, card.buriedUntil?.timeIntervalSince1970,
        card.tags.joined(separator: " "), now.timeIntervalSince1970, card.id,
      ])
  }
}

extension Collection {
  /// The cards of the deck named `deck` that have both sides, as the grader and the quiz builder take them: the
  /// deck they weigh rare terms against and draw distractors from.
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)``.
  public func quizCards(deck: String) throws -> [QuizCard] {
    try cards(deck: deck).filter { !$0.flagged }.map { QuizCard(id: $0.id, front: $0.front, back: $0.back) }
  }
}
