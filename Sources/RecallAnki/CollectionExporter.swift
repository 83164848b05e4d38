import Foundation
import RecallCore
import RecallStore

/// Writes a collection, or one deck and its subdecks, in one of the ``ExportFormat``s.
public enum CollectionExporter {
  /// Exports the deck named `deck` (with its subdecks), or every deck, to `url`.
  ///
  /// The file is written through a temporary file and moved into place at the end: a failed export leaves no
  /// partial file behind.
  ///
  /// - Throws: ``AnkiPackageError``: `.store` for an unknown deck, `.io` when the file cannot be written.
  public static func export(
    _ collection: Collection, format: ExportFormat, deck: String? = nil, to url: URL, now: Date = Date()
  ) throws(AnkiPackageError) -> ExportReport {
    do {
      let decks = try collection.deckRecords(under: deck)
      var cards: [StoredCard] = []
      try collection.forEachStoredCard(inDecks: decks.map(\.name)) { cards.append($0) }
      var report = ExportReport(
        format: format, file: url.path, decks: decks.map(\.name), cards: cards.count,
        reviews: format == .tsv || format == .csv ? 0 : cards.reduce(0) { $0 + $1.reviews.count }, mediaFiles: 0)
      switch format {
      case .apkg, .colpkg:
        let media = mediaFiles(for: cards, in: collection, everything: format == .colpkg)
        report.mediaFiles = try AnkiPackageWriter.write(decks: decks, cards: cards, media: media, to: url, now: now)
      case .tsv:
        try writeAtomically(Data(TextExport.tsv(cards).utf8), to: url)
      case .csv:
        try writeAtomically(Data(TextExport.csv(cards).utf8), to: url)
      case .json:
        let document = RecallJSONDocument(
          exportedAt: now, decks: decks,
          cards: cards.map {
            RecallJSONDocument.Card(id: $0.id, position: $0.position, card: $0.record, reviews: $0.reviews)
          },
          media: referencedMedia(cards))
        try writeAtomically(try document.encoded(), to: url)
      }
      return report
    } catch let error as AnkiPackageError {
      throw error
    } catch let error as StoreError {
      throw .store(error.description)
    } catch {
      throw .io(path: url.path, reason: (error as NSError).localizedDescription)
    }
  }

  /// The media files the cards show, in order, without repeats.
  static func referencedMedia(_ cards: [StoredCard]) -> [String] {
    var seen: Set<String> = []
    return cards.flatMap {
      AnkiFieldText.mediaNames(in: $0.record.front) + AnkiFieldText.mediaNames(in: $0.record.back)
    }
    .filter { seen.insert($0).inserted }
  }

  /// The files to package: those the cards show that are in the media folder, or (for a whole-collection
  /// package) everything in it.
  private static func mediaFiles(for cards: [StoredCard], in collection: Collection, everything: Bool)
    -> [(name: String, file: URL)]
  {
    guard let folder = collection.mediaFolder else { return [] }
    var names = referencedMedia(cards)
    if everything {
      let all = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      names += all.sorted().filter { AnkiFieldText.isSafeMediaName($0) && !names.contains($0) }
    }
    return names.compactMap { name in
      let file = folder.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue
      else { return nil }
      return (name, file)
    }
  }

  private static func writeAtomically(_ data: Data, to url: URL) throws {
    try data.write(to: url, options: .atomic)
  }
}
