/// The formats `recall export` writes.
public enum ExportFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// An Anki deck package (legacy-2 layout): cards, scheduling, review history and media.
  case apkg
  /// An Anki collection package: the same, meant to replace a whole Anki collection.
  case colpkg
  /// Anki's "Notes in Plain Text", with the header lines that make Anki import it without questions.
  case tsv
  /// `front,back,tags` CSV for spreadsheets.
  case csv
  /// Recall's lossless JSON (`docs/export-json.md`).
  case json
}

/// What an export wrote.
public struct ExportReport: Sendable, Hashable, Codable {
  /// The format written.
  public var format: ExportFormat
  /// The file written.
  public var file: String
  /// The decks exported.
  public var decks: [String]
  /// Cards exported.
  public var cards: Int
  /// Review-log rows exported (in the formats that carry them: apkg, colpkg, json).
  public var reviews: Int
  /// Media files put in the package (apkg, colpkg).
  public var mediaFiles: Int

  /// The report as `recall export` prints it.
  public var text: String {
    "\(file): \(format.rawValue), \(decks.count) \(decks.count == 1 ? "deck" : "decks"), \(cards) cards, "
      + "\(reviews) reviews, \(mediaFiles) media files"
  }
}
