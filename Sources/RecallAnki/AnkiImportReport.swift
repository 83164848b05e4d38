import Foundation
import RecallCore

/// What importing an Anki package did (or, for a dry run, would do).
public struct AnkiImportReport: Sendable, Hashable, Codable {
  /// The package's file name.
  public var file: String
  /// The package's layout; `nil` for a Recall JSON export.
  public var version: AnkiPackageVersion?
  /// The decks that received cards, by name.
  public var decks: [String]
  /// Notes read from the package.
  public var notes: Int
  /// Cards added to the collection.
  public var cardsAdded: Int
  /// Cards left out because the deck already held a card with the same front and back (an earlier import).
  public var cardsAlreadyPresent: Int
  /// Review-log rows added.
  public var reviews: Int
  /// Revlog rows that are not answers (manual rescheduling, resets) or belong to no imported card.
  public var logEntriesSkipped: Int
  /// Media files written to the collection's media folder (files already there with the same content are not
  /// counted).
  public var mediaFiles: Int
  /// Note types Recall does not know, and other things the user should check.
  public var warnings: [ImportWarning]
  /// Whether nothing was saved.
  public var dryRun: Bool

  /// Creates a report.
  public init(
    file: String, version: AnkiPackageVersion?, decks: [String] = [], notes: Int = 0, cardsAdded: Int = 0,
    cardsAlreadyPresent: Int = 0, reviews: Int = 0, logEntriesSkipped: Int = 0, mediaFiles: Int = 0,
    warnings: [ImportWarning] = [], dryRun: Bool = false
  ) {
    self.file = file
    self.version = version
    self.decks = decks
    self.notes = notes
    self.cardsAdded = cardsAdded
    self.cardsAlreadyPresent = cardsAlreadyPresent
    self.reviews = reviews
    self.logEntriesSkipped = logEntriesSkipped
    self.mediaFiles = mediaFiles
    self.warnings = warnings
    self.dryRun = dryRun
  }

  /// The report as `recall import` prints it.
  public var text: String {
    let deckList = decks.map { "“\($0)”" }.joined(separator: ", ")
    let source = version.map { "Anki package, \($0)" } ?? "Recall JSON export"
    let counts =
      "\(notes) notes, \(cardsAdded) cards added, \(cardsAlreadyPresent) already there, \(reviews) reviews, "
      + "\(mediaFiles) media files"
    var lines = [
      "\(file): \(source) → \(decks.count == 1 ? "deck" : "decks") \(deckList): \(counts)"
        + (dryRun ? " (dry run: nothing saved)" : "")
    ]
    lines += warnings.map { "\(file): warning: \($0.message)" }
    return lines.joined(separator: "\n")
  }
}
