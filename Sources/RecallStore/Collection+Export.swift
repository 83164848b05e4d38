import Foundation
import GRDB
import RecallCore

/// A card as saved, with its id and place in its deck's study order, for exporting.
public struct StoredCard: Sendable, Hashable {
  /// The card's id in the collection.
  public var id: Int64
  /// Its position in its deck's order of new cards.
  public var position: Int
  /// Its text, deck and state.
  public var record: CardRecord
  /// Its review history, oldest first.
  public var reviews: [ReviewEntry]

  /// Creates a stored card.
  public init(id: Int64, position: Int, record: CardRecord, reviews: [ReviewEntry]) {
    self.id = id
    self.position = position
    self.record = record
    self.reviews = reviews
  }
}

extension Collection {
  /// The decks an export covers: the deck named `deck` and its subdecks (`deck::…`, even when `deck` itself
  /// holds no cards and so was never created), or every deck when `nil`; by name.
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)`` when no deck has that name or is under it.
  public func deckRecords(under deck: String? = nil) throws -> [DeckRecord] {
    try database.read { db in
      var sql = "SELECT name, createdAt, options FROM deck"
      var arguments: StatementArguments = []
      if let deck {
        sql += " WHERE name = ? COLLATE NOCASE OR substr(name, 1, ?) = ? COLLATE NOCASE"
        arguments = [deck, deck.unicodeScalars.count + 2, deck + "::"]
      }
      let decks = try Row.fetchAll(db, sql: sql + " ORDER BY name", arguments: arguments).map { row in
        let options = try JSONDecoder().decode(DeckOptions.self, from: Data((row["options"] as String).utf8))
        return DeckRecord(name: row["name"], createdAt: Date(timeIntervalSince1970: row["createdAt"]), options: options)
      }
      if let deck, decks.isEmpty { throw StoreError.deckNotFound(deck) }
      return decks
    }
  }

  /// Calls `body` with every card of the decks named `decks`, with its review history, by deck name and position.
  ///
  /// One read transaction: the export is a consistent snapshot even while another process answers cards.
  public func forEachStoredCard(inDecks decks: [String], _ body: (StoredCard) throws -> Void) throws {
    try database.read { db in
      for deck in decks {
        let deckID = try Self.existingDeckID(named: deck, in: db)
        var reviews: [Int64: [ReviewEntry]] = [:]
        let reviewRows = try Row.fetchCursor(
          db,
          sql: """
            SELECT review.cardId, review.reviewedAt, review.rating, review.durationMs, review.mode, review.before,
              review.after, review.intervalDays
            FROM review JOIN card ON card.id = review.cardId WHERE card.deckId = ? ORDER BY review.id
            """, arguments: [deckID])
        while let row = try reviewRows.next() {
          let entry = ReviewEntry(
            reviewedAt: Date(timeIntervalSince1970: row[1]), rating: Rating(rawValue: row[2]) ?? .again,
            durationMs: row[3], mode: ReviewEntry.Mode(rawValue: row[4]) ?? .scheduled,
            before: try CardState.decode(row[5]), after: try CardState.decode(row[6]),
            intervalDays: row[7] ?? 0)
          reviews[row[0], default: []].append(entry)
        }
        let cards = try Row.fetchCursor(
          db,
          sql: """
            SELECT \(Self.cardColumns), card.position, card.createdAt, card.modifiedAt
            FROM card JOIN deck ON deck.id = card.deckId WHERE card.deckId = ? ORDER BY card.position, card.id
            """, arguments: [deckID])
        while let row = try cards.next() {
          let card = Self.card(row)
          let record = CardRecord(
            deck: card.deck, front: card.front, back: card.back, tags: card.tags, sourceLine: card.sourceLine,
            schedule: card.schedule, suspended: card.suspended, buriedUntil: card.buriedUntil,
            createdAt: Date(timeIntervalSince1970: row[18]), modifiedAt: Date(timeIntervalSince1970: row[19]))
          try body(StoredCard(id: card.id, position: row[17], record: record, reviews: reviews[card.id] ?? []))
        }
      }
    }
  }
}
