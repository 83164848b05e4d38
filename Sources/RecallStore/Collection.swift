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

  /// Runs SQLite's integrity check; `["ok"]` when the file is sound.
  public func integrityCheck() throws -> [String] {
    try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
  }
}
