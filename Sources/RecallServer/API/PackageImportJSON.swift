import RecallAnki

extension APIModels {
  /// What importing an Anki package or a Recall JSON export did, or for a dry run would do
  /// (`POST /api/v1/import/package`).
  struct PackageImport: Codable, Sendable, Equatable {
    /// The file's name, as sent.
    var file: String
    /// `anki-package` or `recall-json`.
    var source: String
    /// Anki's package format version (1: `collection.anki2`, 2: `collection.anki21`, 3: `collection.anki21b`);
    /// absent for a Recall JSON export.
    var packageVersion: Int?
    /// The decks that receive cards.
    var decks: [String]
    /// Notes (Anki) or cards (Recall JSON) in the file.
    var notes: Int
    /// Cards added; for a dry run, the cards in the file.
    var cardsAdded: Int
    /// Cards left out because their deck already holds them (an earlier import); 0 for a dry run.
    var cardsAlreadyPresent: Int
    /// Reviews added to the history; for a dry run, the answers in the file.
    var reviews: Int
    /// Anki revlog rows that are not answers (rescheduling, resets) or belong to no card.
    var logEntriesSkipped: Int
    /// Media files written to the media folder; for a dry run, the media files in the package.
    var mediaFiles: Int
    /// Things to check, such as note types Recall reads by their first two fields only.
    var warnings: [String]
    /// Whether nothing was saved.
    var dryRun: Bool

    init(_ report: AnkiImportReport) {
      file = report.file
      source = report.version == nil ? "recall-json" : "anki-package"
      packageVersion = report.version?.rawValue
      decks = report.decks
      notes = report.notes
      cardsAdded = report.cardsAdded
      cardsAlreadyPresent = report.cardsAlreadyPresent
      reviews = report.reviews
      logEntriesSkipped = report.logEntriesSkipped
      mediaFiles = report.mediaFiles
      warnings = report.warnings.map(\.message)
      dryRun = report.dryRun
    }
  }
}
