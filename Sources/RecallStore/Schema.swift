import GRDB

/// The collection's schema, as migrations: the only way it ever changes, so every collection on disk can be
/// brought up to date.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: decks, cards, review log") { db in
      try db.create(table: "deck") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("name", .text).notNull().unique(onConflict: .abort).collate(.nocase)
        table.column("createdAt", .double).notNull()
        table.column("options", .text).notNull().defaults(to: "{}")
      }
      try db.create(table: "card") { table in
        table.autoIncrementedPrimaryKey("id")
        // Not indexed on its own: the (deckId, phase, due) index serves every lookup by deck.
        table.belongsTo("deck", onDelete: .cascade, indexed: false).notNull()
        table.column("front", .text).notNull()
        table.column("back", .text).notNull()
        table.column("tags", .text).notNull().defaults(to: "")
        table.column("sourceLine", .integer)
        // Import order: new cards are studied in it.
        table.column("position", .integer).notNull()
        table.column("createdAt", .double).notNull()
        table.column("modifiedAt", .double).notNull()
        table.column("phase", .text).notNull().defaults(to: "new")
        table.column("step", .integer)
        table.column("stability", .double)
        table.column("difficulty", .double)
        table.column("due", .double).notNull()
        table.column("lastReview", .double)
        table.column("reps", .integer).notNull().defaults(to: 0)
        table.column("lapses", .integer).notNull().defaults(to: 0)
        table.column("scheduledDays", .integer)
        table.column("suspended", .boolean).notNull().defaults(to: false)
        table.column("buriedUntil", .double)
      }
      try db.create(index: "card_on_deck_phase_due", on: "card", columns: ["deckId", "phase", "due"])
      // Cards with a missing side are few; counting them must not read every card of the deck.
      try db.execute(sql: "CREATE INDEX card_flagged ON card(deckId) WHERE front = '' OR back = ''")
      try db.create(table: "review") { table in
        table.autoIncrementedPrimaryKey("id")
        // Not indexed on its own: the (cardId, reviewedAt) index serves lookups by card.
        table.belongsTo("card", onDelete: .cascade, indexed: false).notNull()
        table.column("reviewedAt", .double).notNull()
        table.column("rating", .integer).notNull()
        table.column("phaseBefore", .text).notNull()
        table.column("phaseAfter", .text).notNull()
        table.column("durationMs", .integer)
        // scheduled: an answer that changed the card's schedule; cram: practice that left it as it was.
        // The card's whole scheduling state before and after, as JSON, so undo restores it exactly.
        table.column("before", .text).notNull()
        table.column("after", .text).notNull()
        table.column("stability", .double)
        table.column("difficulty", .double)
        table.column("intervalDays", .double)
        table.column("mode", .text).notNull()
      }
      try db.create(index: "review_on_card_time", on: "review", columns: ["cardId", "reviewedAt"])
      try db.create(index: "review_on_time", on: "review", columns: ["reviewedAt"])
    }
    return migrator
  }
}
