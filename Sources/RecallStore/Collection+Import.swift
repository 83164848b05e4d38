import Foundation
import GRDB
import RecallCore

extension Collection {
  /// Saves imported cards to the deck named `deckName`, creating it if needed, in one transaction.
  ///
  /// A card whose front is already in the deck is updated in place (its back, tags and source line), keeping its
  /// schedule and review history; cards with an empty front are matched by their back instead. Re-importing the
  /// same file therefore never duplicates a card.
  public func save(_ cards: [ImportedCard], toDeck deckName: String, now: Date = Date()) throws -> ImportSummary {
    try database.write { db in
      let deckID = try Self.deckID(named: deckName, creatingAt: now, in: db)
      var existing: [String: [(id: Int64, back: String, tags: String, line: Int?)]] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, front, back, tags, sourceLine FROM card WHERE deckId = ? ORDER BY position",
        arguments: [deckID])
      while let row = try rows.next() {
        let front: String = row["front"]
        let back: String = row["back"]
        existing[Self.matchKey(front: front, back: back), default: []].append(
          (row["id"], back, row["tags"], row["sourceLine"]))
      }
      var position =
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM card WHERE deckId = ?", arguments: [deckID])
        ?? 0
      let update = try db.cachedStatement(
        sql: "UPDATE card SET back = ?, tags = ?, sourceLine = ?, modifiedAt = ? WHERE id = ?")
      var summary = ImportSummary(deck: deckName, added: 0, updated: 0, unchanged: 0, flagged: 0)
      let timestamp = now.timeIntervalSince1970
      var newRows: [DatabaseValue] = []
      for card in cards {
        let key = Self.matchKey(front: card.front, back: card.back)
        let tags = card.tags.joined(separator: " ")
        if card.isIncomplete { summary.flagged += 1 }
        if var matches = existing[key], !matches.isEmpty {
          let match = matches.removeFirst()
          existing[key] = matches
          if match.back != card.back || match.tags != tags || match.line != card.line {
            try update.execute(arguments: [card.back, tags, card.line, timestamp, match.id])
            if match.back != card.back || match.tags != tags { summary.updated += 1 } else { summary.unchanged += 1 }
          } else {
            summary.unchanged += 1
          }
          continue
        }
        position += 1
        newRows += [
          deckID.databaseValue, card.front.databaseValue, card.back.databaseValue, tags.databaseValue,
          card.line.databaseValue, position.databaseValue, timestamp.databaseValue, timestamp.databaseValue,
          timestamp.databaseValue,
        ]
        summary.added += 1
      }
      try Self.insertCards(newRows, in: db)
      return summary
    }
  }

  /// Inserts new cards, many rows per statement: per-statement overhead is most of the cost of a row.
  private static func insertCards(_ values: [DatabaseValue], in db: Database) throws {
    let columns = 9
    let rowsPerStatement = 100
    let columnList = "(deckId, front, back, tags, sourceLine, position, createdAt, modifiedAt, due)"
    let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
    var start = 0
    while start < values.count {
      let end = min(values.count, start + rowsPerStatement * columns)
      let rows = (end - start) / columns
      let statement = try db.cachedStatement(
        sql: "INSERT INTO card \(columnList) VALUES "
          + Array(repeating: placeholders, count: rows).joined(separator: ","))
      try statement.execute(arguments: StatementArguments(values[start..<end]))
      start = end
    }
  }

  /// Cards with no front are told apart by their back; every other card by its front.
  private static func matchKey(front: String, back: String) -> String {
    front.isEmpty ? "\u{1}" + back : front
  }

  static func deckID(named name: String, creatingAt now: Date, in db: Database) throws -> Int64 {
    if let id = try Int64.fetchOne(db, sql: "SELECT id FROM deck WHERE name = ?", arguments: [name]) {
      return id
    }
    try db.execute(
      sql: "INSERT INTO deck (name, createdAt) VALUES (?, ?)", arguments: [name, now.timeIntervalSince1970])
    return db.lastInsertedRowID
  }
}
