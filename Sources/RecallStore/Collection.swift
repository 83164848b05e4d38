import Foundation
import GRDB
import RecallCore

/// A collection of decks, cards and review history in one SQLite file.
///
/// The file is opened in WAL mode with `synchronous = FULL`, so every committed transaction survives a crash, a
/// `kill -9` or a power cut, and readers never block the writer. Several processes may open the same file: a
/// writer waits up to ``busyTimeout`` for another to finish.
public final class Collection: Sendable {
  /// How long a write waits for another process's write to finish before failing.
  public static let busyTimeout: TimeInterval = 10

  let database: any DatabaseWriter
  private let schedulers = SchedulerCache()

  /// Opens the collection at `path`, creating it and its folder on first use and migrating it to the current
  /// schema.
  ///
  /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the file cannot be created or is not a collection.
  public init(path: String) throws(StoreError) {
    do {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      database = try DatabasePool(path: path, configuration: Self.configuration)
      try Schema.migrator.migrate(database)
    } catch {
      throw .cannotOpen(path: path, reason: Self.reason(error))
    }
  }

  /// Opens a collection that lives in memory only, for tests and previews.
  public init() throws(StoreError) {
    do {
      database = try DatabaseQueue(configuration: Self.configuration)
      try Schema.migrator.migrate(database)
    } catch {
      throw .cannotOpen(path: ":memory:", reason: Self.reason(error))
    }
  }

  private static var configuration: Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    configuration.foreignKeysEnabled = true
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return configuration
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error)" }
    return (error as NSError).localizedDescription
  }

  /// A deck's options and the scheduler they make, decoded once per distinct options text: answering a card
  /// should not pay for JSON decoding and calendar set-up every time.
  func scheduling(deckID: Int64, in db: Database) throws -> (DeckOptions, Scheduler) {
    let statement = try db.cachedStatement(sql: "SELECT options FROM deck WHERE id = ?")
    return try schedulers.scheduling(for: String.fetchOne(statement, arguments: [deckID]) ?? "{}")
  }

  /// The options and scheduler of a card's deck.
  func scheduling(cardID: Int64, in db: Database) throws -> (DeckOptions, Scheduler) {
    let statement = try db.cachedStatement(
      sql: "SELECT deck.options FROM card JOIN deck ON deck.id = card.deckId WHERE card.id = ?")
    guard let json = try String.fetchOne(statement, arguments: [cardID]) else { throw StoreError.cardNotFound(cardID) }
    return try schedulers.scheduling(for: json)
  }

  /// Runs SQLite's integrity check; `["ok"]` when the file is sound.
  public func integrityCheck() throws -> [String] {
    try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }
}

/// Decoded deck options and their schedulers, keyed by the options' JSON text.
private final class SchedulerCache: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: (DeckOptions, Scheduler)] = [:]

  func scheduling(for json: String) throws -> (DeckOptions, Scheduler) {
    if let entry = lock.withLock({ entries[json] }) { return entry }
    let options = try JSONDecoder().decode(DeckOptions.self, from: Data(json.utf8))
    let entry = (options, try options.scheduler())
    lock.withLock { entries[json] = entry }
    return entry
  }
}
