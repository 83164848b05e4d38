import Foundation
import GRDB
import RecallCore
import RecallStore

/// Imports Anki packages (`.apkg`, `.colpkg`; all three layouts) into a Recall collection: cards with their text,
/// tags, decks and scheduling state, the whole review history, and the media files.
///
/// ```swift
/// let report = try AnkiImporter.importPackage(at: url, into: collection)
/// print(report.text)
/// ```
///
/// The package is read and checked in full before anything is written; then cards and history go in one
/// transaction and the media files are moved into place after it commits. A package that fails a check, or an
/// import that fails halfway, leaves the collection and its media folder as they were.
public enum AnkiImporter {
  /// Whether `url` names an Anki package by its extension (`.apkg`, `.colpkg`).
  public static func isPackage(_ url: URL) -> Bool {
    ["apkg", "colpkg"].contains(url.pathExtension.lowercased())
  }

  /// Imports the package at `url` into `collection`.
  ///
  /// - Throws: ``AnkiPackageError``, having written nothing.
  public static func importPackage(
    at url: URL, into collection: Collection, options: AnkiImportOptions = AnkiImportOptions()
  ) throws(AnkiPackageError) -> AnkiImportReport {
    try withOpenedPackage(at: url, options: options) { package, file, plan in
      var report = AnkiImportReport(
        file: url.lastPathComponent, version: package.version, decks: plan.decks, notes: plan.notes,
        logEntriesSkipped: plan.logEntriesSkipped, warnings: plan.warnings)
      var plan = plan
      let staging = try stageMedia(package, for: collection)
      do {
        if let staging, !staging.renames.isEmpty {
          for index in plan.cards.indices {
            plan.cards[index].record.front = AnkiFieldText.renamingMedia(in: plan.cards[index].record.front) {
              staging.renames[$0] ?? $0
            }
            plan.cards[index].record.back = AnkiFieldText.renamingMedia(in: plan.cards[index].record.back) {
              staging.renames[$0] ?? $0
            }
          }
        }
        try write(plan, from: file, into: collection, options: options, report: &report)
        try staging?.commit()
      } catch {
        staging?.cancel()
        throw error
      }
      report.mediaFiles = staging?.count ?? 0
      return report
    }
  }

  /// Reads and checks the package at `url` and tells what importing it would do, without saving anything.
  ///
  /// - Throws: ``AnkiPackageError``.
  public static func inspectPackage(at url: URL, options: AnkiImportOptions = AnkiImportOptions())
    throws(AnkiPackageError) -> AnkiImportReport
  {
    try withOpenedPackage(at: url, options: options) { package, _, plan in
      AnkiImportReport(
        file: url.lastPathComponent, version: package.version, decks: plan.decks, notes: plan.notes,
        cardsAdded: plan.cards.count, reviews: plan.cards.reduce(0) { $0 + $1.answers },
        logEntriesSkipped: plan.logEntriesSkipped, mediaFiles: package.media.count, warnings: plan.warnings,
        dryRun: true)
    }
  }

  /// Opens the package, extracts its collection to a temporary folder and reads the plan; the folder is removed
  /// afterwards whatever happens.
  private static func withOpenedPackage(
    at url: URL, options: AnkiImportOptions,
    _ body: (AnkiPackageReader, AnkiCollectionFile, AnkiImportPlan) throws -> AnkiImportReport
  ) throws(AnkiPackageError) -> AnkiImportReport {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("recall-anki-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    } catch {
      throw .io(path: temporary.path, reason: "cannot create a temporary folder")
    }
    defer { try? FileManager.default.removeItem(at: temporary) }
    do {
      let package = try AnkiPackageReader(url: url, limits: options.limits)
      let path = temporary.appendingPathComponent("collection.sqlite")
      try package.extractCollection(to: path)
      let file = try AnkiCollectionFile(path: path.path)
      let plan = try AnkiImportPlan.read(file, options: options)
      return try body(package, file, plan)
    } catch let error as AnkiPackageError {
      throw error
    } catch let error as DatabaseError {
      throw .corruptCollection(reason: error.message ?? "\(error.resultCode)")
    } catch let error as StoreError {
      throw .store(error.description)
    } catch {
      throw .store("\(error)")
    }
  }

  /// Writes every media file to a staging folder inside the collection's media folder.
  private static func stageMedia(_ package: AnkiPackageReader, for collection: Collection)
    throws(AnkiPackageError) -> MediaStaging?
  {
    guard !package.media.isEmpty, let folder = collection.mediaFolder else { return nil }
    let staging = try MediaStaging(folder: folder)
    do {
      for media in package.media { try staging.add(name: media.name, data: try package.mediaData(media)) }
    } catch {
      staging.cancel()
      throw error
    }
    return staging
  }

  /// Adds the planned cards, skipping those the deck already holds, then their review history in time order: all
  /// in one transaction.
  private static func write(
    _ plan: AnkiImportPlan, from file: AnkiCollectionFile, into collection: Collection, options: AnkiImportOptions,
    report: inout AnkiImportReport
  ) throws {
    let counts = try collection.bulkWrite(at: options.now) { writer in
      var recallIDs = [Int64?](repeating: nil, count: plan.cards.count)
      var existing: [Int64: [BulkWriter.CardKey: Int]] = [:]
      var alreadyPresent = 0
      for (index, card) in plan.cards.enumerated() {
        let deckID = try writer.deckID(named: card.record.deck, options: options.deckOptions)
        if existing[deckID] == nil { existing[deckID] = try writer.existingCards(deckID: deckID) }
        let key = BulkWriter.CardKey(front: card.record.front, back: card.record.back)
        if let count = existing[deckID]?[key], count > 0 {
          existing[deckID]?[key] = count - 1
          alreadyPresent += 1
          continue
        }
        recallIDs[index] = try writer.insert(card.record, deckID: deckID)
      }
      var replay = HistoryReplay(options: options.deckOptions)
      var progress = plan.cards.map { card in
        var progress = HistoryReplay.Progress()
        progress.schedule = .new(due: card.record.createdAt)
        return progress
      }
      try file.database.read { db in
        try AnkiImportPlan.forEachRevlogRow(db) { row in
          guard let index = plan.index[row.cardID], let cardID = recallIDs[index],
            let answer = replay.apply(row, to: &progress[index])
          else { return }
          let card = plan.cards[index]
          // The last answer leaves the card exactly as it is saved, so undoing it is consistent.
          let after =
            progress[index].answers == card.answers
            ? card.record.state : CardState(schedule: answer.after, tags: card.record.tags)
          try writer.insertReview(
            cardID: cardID,
            ReviewEntry(
              reviewedAt: row.time, rating: answer.rating, durationMs: max(0, row.milliseconds),
              mode: answer.cram ? .cram : .scheduled,
              before: CardState(schedule: answer.before, tags: card.record.tags),
              after: after, intervalDays: answer.intervalDays))
        }
      }
      return (alreadyPresent, writer.cardsInserted, writer.reviewsInserted)
    }
    report.cardsAlreadyPresent = counts.0
    report.cardsAdded = counts.1
    report.reviews = counts.2
  }
}
