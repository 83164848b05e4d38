import Foundation
import GRDB
import RecallCore

extension Collection {
  /// Replaces a card's text, keeping its schedule and review history; completing a missing side brings a flagged
  /// card into study.
  ///
  /// - Throws: ``StoreError/cardNotFound(_:)``.
  public func updateText(cardID: Int64, front: String, back: String, at now: Date = Date()) throws {
    try database.write { db in
      _ = try Self.card(id: cardID, in: db)
      try db.execute(
        sql: "UPDATE card SET front = ?, back = ?, modifiedAt = ? WHERE id = ?",
        arguments: [front, back, now.timeIntervalSince1970, cardID])
    }
  }

  /// When the deck's next card is due after `now`, if any card is waiting.
  public func nextDue(deck: String, after now: Date = Date()) throws -> Date? {
    try database.read { db in
      let deckID = try Self.existingDeckID(named: deck, in: db)
      let due = try Double.fetchOne(
        db,
        sql: """
          SELECT MIN(due) FROM card WHERE deckId = ? AND phase != 'new' AND suspended = 0 AND due > ?
            AND front != '' AND back != ''
          """, arguments: [deckID, now.timeIntervalSince1970])
      return due.map(Date.init(timeIntervalSince1970:))
    }
  }

  /// Studiable cards of the deck for cramming, in import order: everything but suspended and flagged cards.
  public func cramCardIDs(deck: String) throws -> [Int64] {
    try database.read { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT id FROM card WHERE deckId = ? AND suspended = 0 AND front != '' AND back != '' ORDER BY position
          """, arguments: [Self.existingDeckID(named: deck, in: db)])
    }
  }
}

extension Collection {
  /// Deletes cards and their review history. Unlike suspending, this cannot be undone.
  public func delete(cardIDs: [Int64]) throws {
    try database.write { db in
      for id in cardIDs {
        try db.execute(sql: "DELETE FROM review WHERE cardId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM card WHERE id = ?", arguments: [id])
      }
    }
  }
}
