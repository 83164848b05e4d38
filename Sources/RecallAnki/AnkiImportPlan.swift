import Foundation
import GRDB
import RecallCore
import RecallStore

/// Everything an import will write, read from the Anki collection before anything is written: the cards with
/// their final state, and how many log rows each will get.
///
/// The revlog itself is not held in memory: it is read once here, to rebuild each card's final memory state, and
/// once more while writing, to produce the log rows in time order with the same replay.
struct AnkiImportPlan {
  /// A card to add, and the Anki card it comes from.
  struct PlannedCard {
    var ankiID: Int64
    var record: CardRecord
    /// Answers the card's revlog holds: its last one leaves the card in `record`'s state.
    var answers: Int
  }

  var cards: [PlannedCard]
  /// Anki card id → index into `cards`.
  var index: [Int64: Int]
  var decks: [String]
  var notes: Int
  var warnings: [ImportWarning]
  var logEntriesSkipped = 0

  static func read(_ file: AnkiCollectionFile, options: AnkiImportOptions) throws -> AnkiImportPlan {
    try file.database.read { db in
      let notes = try readNotes(db)
      var warnings: [ImportWarning] = []
      var unknown: [Int64: Int] = [:]
      var unknownCardsSkipped: [Int64: Int] = [:]
      var rows = try readCards(db)
      // New cards in Anki's study order, then the rest in note order: positions in Recall follow this order.
      rows.sort { a, b in
        let (aNew, bNew) = (a.type == 0, b.type == 0)
        if aNew != bNew { return aNew }
        if aNew && a.due != b.due { return a.due < b.due }
        return (a.noteID, a.ord) < (b.noteID, b.ord)
      }
      // Unknown note types give one card per note, from the note's first card.
      var firstOrd: [Int64: Int] = [:]
      for row in rows {
        guard let note = notes[row.noteID], let type = file.noteTypes[note.typeID], !type.isKnown else { continue }
        firstOrd[row.noteID] = min(firstOrd[row.noteID] ?? .max, row.ord)
      }
      let cardState = AnkiCardState(creation: file.creation, now: options.now, options: options.deckOptions)
      var plan = AnkiImportPlan(cards: [], index: [:], decks: [], notes: notes.count, warnings: [])
      var deckSeen: Set<String> = []
      for row in rows {
        guard let note = notes[row.noteID] else {
          throw AnkiPackageError.inconsistentNote(noteID: row.noteID, reason: "card \(row.id) has no note")
        }
        guard let type = file.noteTypes[note.typeID] else {
          throw AnkiPackageError.inconsistentNote(noteID: row.noteID, reason: "its note type \(note.typeID) is missing")
        }
        if !type.isKnown {
          if row.ord != firstOrd[row.noteID] {
            unknownCardsSkipped[type.id, default: 0] += 1
            continue
          }
          unknown[type.id, default: 0] += 1
        }
        let sides = type.sides(fields: note.fields, ord: row.ord)
        var tags = note.tags
        if let flag = AnkiFlag.tag(row.flags) { tags.append(flag) }
        let deck = options.deck ?? deckName(row, in: file)
        if deckSeen.insert(deck).inserted { plan.decks.append(deck) }
        let record = CardRecord(
          deck: deck, front: sides.front, back: sides.back, tags: tags,
          schedule: .new(due: options.now), createdAt: Date(timeIntervalSince1970: Double(row.noteID) / 1000),
          modifiedAt: Date(timeIntervalSince1970: Double(max(row.modified, note.modified))))
        plan.index[row.id] = plan.cards.count
        plan.cards.append(PlannedCard(ankiID: row.id, record: record, answers: 0))
      }
      // Rebuild every card's memory from its history, then set its final state.
      var replay = HistoryReplay(options: options.deckOptions)
      var progress = plan.cards.map { _ in HistoryReplay.Progress() }
      try forEachRevlogRow(db) { row in
        guard let index = plan.index[row.cardID] else {
          plan.logEntriesSkipped += 1
          return
        }
        if replay.apply(row, to: &progress[index]) == nil { plan.logEntriesSkipped += 1 }
      }
      let rowsByID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
      for index in plan.cards.indices {
        guard let row = rowsByID[plan.cards[index].ankiID] else { continue }
        let state = cardState.state(of: row, progress: progress[index], replay: replay)
        plan.cards[index].record.schedule = state.schedule
        plan.cards[index].record.suspended = state.suspended
        plan.cards[index].record.buriedUntil = state.buriedUntil
        plan.cards[index].answers = progress[index].answers
      }
      for (typeID, count) in unknown.sorted(by: { $0.key < $1.key }) {
        guard let type = file.noteTypes[typeID] else { continue }
        let fields = type.fields.prefix(2).map { "“\($0)”" }.joined(separator: " and ")
        var message =
          "note type “\(type.name)” is not one Recall knows: its \(count) notes became one card each, "
          + "front and back from its first two fields (\(fields))"
        if let skipped = unknownCardsSkipped[typeID] {
          message += "; \(skipped) other cards of these notes were left out"
        }
        warnings.append(ImportWarning(line: 0, message: message))
      }
      plan.warnings = warnings
      return plan
    }
  }

  /// The card's home deck: a card in a filtered deck is put back where it came from.
  private static func deckName(_ row: AnkiCardRow, in file: AnkiCollectionFile) -> String {
    let home = row.originalDeckID != 0 ? row.originalDeckID : row.deckID
    if let deck = file.decks[home], !deck.isFiltered { return deck.name }
    return file.decks[row.deckID].map(\.name) ?? "Default"
  }

  struct NoteRow {
    var typeID: Int64
    var tags: [String]
    var fields: [String]
    var modified: Int64
  }

  private static func readNotes(_ db: Database) throws -> [Int64: NoteRow] {
    var notes: [Int64: NoteRow] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT \(integers("id", "mid")), \(texts("tags", "flds")), \(integers("mod")) FROM notes")
    while let row = try rows.next() {
      let tags: String = row[2]
      let fields: String = row[3]
      notes[row[0]] = NoteRow(
        typeID: row[1], tags: tags.split(separator: " ").map(String.init),
        fields: fields.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
        modified: row[4])
    }
    return notes
  }

  private static func readCards(_ db: Database) throws -> [AnkiCardRow] {
    var cards: [AnkiCardRow] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT \(integers("id", "nid", "did", "ord", "mod", "type", "queue", "due", "ivl", "factor", "reps",
          "lapses", "left", "odue", "odid", "flags")) FROM cards
        """)
    while let row = try rows.next() {
      cards.append(
        AnkiCardRow(
          id: row[0], noteID: row[1], deckID: row[2], ord: row[3], modified: row[4], type: row[5], queue: row[6],
          due: row[7], interval: row[8], factor: row[9], reps: row[10], lapses: row[11], left: row[12],
          originalDue: row[13], originalDeckID: row[14], flags: row[15]))
    }
    return cards
  }

  /// Calls `body` with every revlog row, oldest first (the row id is the answer's time in milliseconds).
  static func forEachRevlogRow(_ db: Database, _ body: (AnkiRevlogRow) throws -> Void) throws {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT \(integers("id", "cid", "ease", "ivl", "lastIvl", "factor", "time", "type")) FROM revlog ORDER BY id
        """)
    while let row = try rows.next() {
      try body(
        AnkiRevlogRow(
          id: row[0], cardID: row[1], ease: row[2], interval: row[3], lastInterval: row[4], factor: row[5],
          milliseconds: row[6], kind: AnkiRevlogRow.Kind(rawValue: row[7])))
    }
  }

  /// Columns read as integers whatever a damaged file holds in them: GRDB stops the process on a NULL or text
  /// where an integer is expected, and a hostile package must only ever cause an error.
  private static func integers(_ columns: String...) -> String {
    columns.map { "IFNULL(CAST(\($0) AS INTEGER), 0)" }.joined(separator: ", ")
  }

  /// Columns read as text, likewise.
  private static func texts(_ columns: String...) -> String {
    columns.map { "IFNULL(CAST(\($0) AS TEXT), '')" }.joined(separator: ", ")
  }
}
