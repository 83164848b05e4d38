import Foundation
import GRDB
import RecallCore

extension Collection {
  /// The study options of the deck named `deck`.
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)``.
  public func options(ofDeck deck: String) throws -> DeckOptions {
    try database.read { db in try Self.options(ofDeck: Self.existingDeckID(named: deck, in: db), in: db) }
  }

  /// Replaces the study options of the deck named `deck`, after checking that they make a valid scheduler.
  ///
  /// - Throws: ``StoreError/deckNotFound(_:)``, or ``FSRSError`` for an out-of-range value.
  public func setOptions(_ options: DeckOptions, ofDeck deck: String) throws {
    _ = try options.scheduler()
    let json = String(decoding: try JSONEncoder().encode(options), as: UTF8.self)
    try database.write { db in
      try db.execute(
        sql: "UPDATE deck SET options = ? WHERE id = ?", arguments: [json, Self.existingDeckID(named: deck, in: db)])
    }
  }

  static func options(ofDeck id: Int64, in db: Database) throws -> DeckOptions {
    let json = try String.fetchOne(db, sql: "SELECT options FROM deck WHERE id = ?", arguments: [id]) ?? "{}"
    return try JSONDecoder().decode(DeckOptions.self, from: Data(json.utf8))
  }

  static func existingDeckID(named name: String, in db: Database) throws -> Int64 {
    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM deck WHERE name = ?", arguments: [name]) else {
      throw StoreError.deckNotFound(name)
    }
    return id
  }
}
