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
    return Card(
      id: row["id"], deck: row["deckName"], front: row["front"], back: row["back"],
      tags: tags.split(separator: " ").map(String.init), sourceLine: row["sourceLine"], state: row["phase"],
      due: Date(timeIntervalSince1970: row["due"]), suspended: row["suspended"])
  }
}
