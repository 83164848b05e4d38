import Foundation
import GRDB
import GRDBSQLite
import RecallCore

extension Collection {
  /// Runs `body` with a writer for many cards, their schedules and their review history, all in ONE transaction:
  /// if `body` throws, nothing it wrote is kept.
  ///
  /// Used to bring in a collection kept elsewhere (an Anki package, a Recall JSON export). The writer must not be
  /// kept after `body` returns.
  public func bulkWrite<T>(at now: Date = Date(), _ body: (BulkWriter) throws -> T) throws -> T {
    try database.write { db in
      let writer = try BulkWriter(db, now: now)
      let result = try body(writer)
      try writer.flush()
      return result
    }
  }

  /// The folder that holds the collection's media files (images shown on cards): beside the collection file,
  /// named after it (`collection.sqlite` → `collection.media`); `nil` for a collection in memory.
  public var mediaFolder: URL? {
    let path = database.path
    guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return nil }
    let url = URL(fileURLWithPath: path)
    return url.deletingPathExtension().appendingPathExtension("media")
  }
}

/// Writes cards and review history in bulk inside ``Collection/bulkWrite(at:_:)``.
///
/// Rows are buffered and inserted a hundred per statement, since per-statement overhead is most of the cost of a
/// row; a card's row is always written before its reviews.
public final class BulkWriter {
  /// A card's text, for telling whether a deck already holds it.
  public struct CardKey: Hashable, Sendable {
    /// The front.
    public var front: String
    /// The back.
    public var back: String

    /// Creates a key.
    public init(front: String, back: String) {
      self.front = front
      self.back = back
    }
  }

  private let db: Database
  private let now: Date
  private var nextCardID: Int64
  private var positions: [Int64: Int] = [:]
  private var deckIDs: [String: Int64] = [:]
  private var pendingCards: [Bound] = []
  private var pendingReviews: [Bound] = []
  /// Each card's state after its latest review and that state's JSON: the next review's `before` is almost always
  /// the same state, and writing the JSON is most of the cost of a review row.
  private var lastAfter: [Int64: (state: CardState, json: String)] = [:]
  /// Cards inserted so far.
  public private(set) var cardsInserted = 0
  /// Review-log rows inserted so far.
  public private(set) var reviewsInserted = 0

  private static let cardColumns = 20
  private static let reviewColumns = 12
  private static let rowsPerStatement = 100

  init(_ db: Database, now: Date) throws {
    self.db = db
    self.now = now
    // Ids are given explicitly so a card's reviews can refer to it before its row is flushed; starting above
    // both the table's largest id and its AUTOINCREMENT counter keeps them as fresh as SQLite's own.
    let largest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM card") ?? 0
    let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'card'") ?? 0
    nextCardID = max(largest, sequence) + 1
  }

  /// The id of the deck named `name`, created with `options` (default options if `nil`) when it does not exist.
  /// An existing deck keeps its options.
  public func deckID(named name: String, options: DeckOptions? = nil, createdAt: Date? = nil) throws -> Int64 {
    if let id = deckIDs[name] { return id }
    let id: Int64
    if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM deck WHERE name = ?", arguments: [name]) {
      id = existing
    } else {
      let json = String(decoding: try JSONEncoder().encode(options ?? DeckOptions()), as: UTF8.self)
      try db.execute(
        sql: "INSERT INTO deck (name, createdAt, options) VALUES (?, ?, ?)",
        arguments: [name, (createdAt ?? now).timeIntervalSince1970, json])
      id = db.lastInsertedRowID
    }
    deckIDs[name] = id
    return id
  }

  /// How many cards with each front and back the deck already holds, so a second import of the same package adds
  /// nothing.
  public func existingCards(deckID: Int64) throws -> [CardKey: Int] {
    var counts: [CardKey: Int] = [:]
    let rows = try Row.fetchCursor(db, sql: "SELECT front, back FROM card WHERE deckId = ?", arguments: [deckID])
    while let row = try rows.next() { counts[CardKey(front: row[0], back: row[1]), default: 0] += 1 }
    return counts
  }

  /// Adds a card to the deck with id `deckID` (from ``deckID(named:options:createdAt:)``), after the deck's other
  /// cards in study order, and returns its id.
  @discardableResult
  public func insert(_ card: CardRecord, deckID: Int64) throws -> Int64 {
    let id = nextCardID
    nextCardID += 1
    let position = try nextPosition(deckID: deckID)
    let schedule = card.schedule
    pendingCards += [
      .integer(id), .integer(deckID), .text(card.front), .text(card.back), .text(card.tags.joined(separator: " ")),
      Bound(card.sourceLine), .integer(Int64(position)), .real(card.createdAt.timeIntervalSince1970),
      .real(card.modifiedAt.timeIntervalSince1970), .text(schedule.phase.rawValue), Bound(schedule.step),
      Bound(schedule.stability), Bound(schedule.difficulty), .real(schedule.due.timeIntervalSince1970),
      Bound(schedule.lastReview?.timeIntervalSince1970), .integer(Int64(schedule.reps)),
      .integer(Int64(schedule.lapses)), Bound(schedule.scheduledDays), .integer(card.suspended ? 1 : 0),
      Bound(card.buriedUntil?.timeIntervalSince1970),
    ]
    cardsInserted += 1
    if pendingCards.count >= Self.cardColumns * Self.rowsPerStatement { try flushCards() }
    return id
  }

  /// Appends a row to the review log of card `cardID`. Rows are kept in the order they are given: give them
  /// oldest first, since undo takes back the row added last.
  public func insertReview(cardID: Int64, _ review: ReviewEntry) throws {
    let after = review.after.schedule
    let beforeJSON: String
    if let last = lastAfter[cardID], last.state == review.before {
      beforeJSON = last.json
    } else {
      beforeJSON = try review.before.json()
    }
    let afterJSON = try review.after.json()
    lastAfter[cardID] = (review.after, afterJSON)
    pendingReviews += [
      .integer(cardID), .real(review.reviewedAt.timeIntervalSince1970), .integer(Int64(review.rating.rawValue)),
      .text(review.before.schedule.phase.rawValue), .text(after.phase.rawValue), Bound(review.durationMs),
      .text(beforeJSON), .text(afterJSON), Bound(after.stability), Bound(after.difficulty),
      .real(review.intervalDays), .text(review.mode.rawValue),
    ]
    reviewsInserted += 1
    if pendingReviews.count >= Self.reviewColumns * Self.rowsPerStatement { try flushReviews() }
  }

  func flush() throws {
    try flushCards()
    try flushReviews()
  }

  private func nextPosition(deckID: Int64) throws -> Int {
    let position: Int
    if let last = positions[deckID] {
      position = last + 1
    } else {
      position =
        (try Int.fetchOne(
          db, sql: "SELECT COALESCE(MAX(position), 0) FROM card WHERE deckId = ?", arguments: [deckID]) ?? 0) + 1
    }
    positions[deckID] = position
    return position
  }

  private func flushCards() throws {
    try insertRows(
      &pendingCards, columns: Self.cardColumns,
      into: """
        INSERT INTO card (id, deckId, front, back, tags, sourceLine, position, createdAt, modifiedAt, phase, step,
          stability, difficulty, due, lastReview, reps, lapses, scheduledDays, suspended, buriedUntil)
        """)
  }

  private func flushReviews() throws {
    guard !pendingReviews.isEmpty else { return }
    // A review refers to its card: the card must be in the table first.
    try flushCards()
    try insertRows(
      &pendingReviews, columns: Self.reviewColumns,
      into: """
        INSERT INTO review (cardId, reviewedAt, rating, phaseBefore, phaseAfter, durationMs, before, after,
          stability, difficulty, intervalDays, mode)
        """)
  }

  /// Inserts the buffered rows, many per statement, binding values straight to SQLite: building GRDB's
  /// `StatementArguments` for twelve million values cost more than SQLite's own work.
  private func insertRows(_ values: inout [Bound], columns: Int, into prefix: String) throws {
    guard !values.isEmpty else { return }
    let placeholders = "(" + Array(repeating: "?", count: columns).joined(separator: ",") + ")"
    var start = 0
    while start < values.count {
      let end = min(values.count, start + Self.rowsPerStatement * columns)
      let rows = (end - start) / columns
      let statement = try db.cachedStatement(
        sql: prefix + " VALUES " + Array(repeating: placeholders, count: rows).joined(separator: ","))
      let handle = statement.sqliteStatement
      sqlite3_reset(handle)
      for index in start..<end { values[index].bind(to: handle, at: Int32(index - start + 1)) }
      let code = sqlite3_step(handle)
      sqlite3_reset(handle)
      guard code == SQLITE_DONE else {
        throw DatabaseError(
          resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
          sql: prefix)
      }
      start = end
    }
    values.removeAll(keepingCapacity: true)
  }
}

/// One value for a statement parameter.
private enum Bound {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
  init(_ value: Double?) { self = value.map { .real($0) } ?? .null }

  /// SQLite's SQLITE_TRANSIENT: it copies the text before the call returns.
  private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

  func bind(to statement: OpaquePointer?, at index: Int32) {
    switch self {
    case .null: sqlite3_bind_null(statement, index)
    case .integer(let value): sqlite3_bind_int64(statement, index, value)
    case .real(let value): sqlite3_bind_double(statement, index, value)
    case .text(var text):
      _ = text.withUTF8 { bytes in
        // An empty buffer may have no address, which SQLite would take for NULL.
        if let base = bytes.baseAddress {
          sqlite3_bind_text(statement, index, base, Int32(bytes.count), Self.transient)
        } else {
          sqlite3_bind_text(statement, index, "", 0, Self.transient)
        }
      }
    }
  }
}
