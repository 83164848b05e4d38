import Foundation
import RecallCore
import RecallStore

/// Brings a Recall JSON export into a collection.
public enum RecallJSONImporter {
  /// Adds the document's decks (new decks take its options; existing decks keep theirs), cards and reviews, in
  /// one transaction. A card whose deck already holds one with the same front and back is left out, so importing
  /// the same export twice adds nothing.
  ///
  /// - Throws: ``AnkiPackageError/invalidExport(reason:)`` for a file that is not a readable export.
  public static func importDocument(_ data: Data, named file: String, into collection: Collection)
    throws(AnkiPackageError) -> AnkiImportReport
  {
    let document = try decode(data)
    do {
      let options = Dictionary(document.decks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
      return try collection.bulkWrite { writer in
        var existing: [Int64: [BulkWriter.CardKey: Int]] = [:]
        var ids: [Int64?] = []
        var present = 0
        for exported in document.cards {
          let deck = options[exported.card.deck]
          let deckID = try writer.deckID(named: exported.card.deck, options: deck?.options, createdAt: deck?.createdAt)
          if existing[deckID] == nil { existing[deckID] = try writer.existingCards(deckID: deckID) }
          let key = BulkWriter.CardKey(front: exported.card.front, back: exported.card.back)
          if let count = existing[deckID]?[key], count > 0 {
            existing[deckID]?[key] = count - 1
            present += 1
            ids.append(nil)
          } else {
            ids.append(try writer.insert(exported.card, deckID: deckID))
          }
        }
        // All reviews in time order, so undo takes back the latest one.
        var order: [(time: Date, card: Int, review: Int)] = []
        for (index, exported) in document.cards.enumerated() where ids[index] != nil {
          for (number, review) in exported.reviews.enumerated() { order.append((review.reviewedAt, index, number)) }
        }
        order.sort { ($0.time, $0.card, $0.review) < ($1.time, $1.card, $1.review) }
        for entry in order {
          guard let id = ids[entry.card] else { continue }
          try writer.insertReview(cardID: id, document.cards[entry.card].reviews[entry.review])
        }
        var decks: [String] = []
        for card in document.cards where !decks.contains(card.card.deck) { decks.append(card.card.deck) }
        return AnkiImportReport(
          file: file, version: nil, decks: decks, notes: document.cards.count, cardsAdded: writer.cardsInserted,
          cardsAlreadyPresent: present, reviews: writer.reviewsInserted)
      }
    } catch let error as StoreError {
      throw .store(error.description)
    } catch {
      throw .store("\(error)")
    }
  }

  /// Reads and checks the export, and tells what importing it would add to an empty collection, saving nothing.
  ///
  /// - Throws: ``AnkiPackageError/invalidExport(reason:)``.
  public static func inspectDocument(_ data: Data, named file: String) throws(AnkiPackageError) -> AnkiImportReport {
    let document = try decode(data)
    var decks: [String] = []
    for card in document.cards where !decks.contains(card.card.deck) { decks.append(card.card.deck) }
    return AnkiImportReport(
      file: file, version: nil, decks: decks, notes: document.cards.count, cardsAdded: document.cards.count,
      reviews: document.cards.reduce(0) { $0 + $1.reviews.count }, dryRun: true)
  }

  private static func decode(_ data: Data) throws(AnkiPackageError) -> RecallJSONDocument {
    let document: RecallJSONDocument
    do {
      document = try RecallJSONDocument.decoder.decode(RecallJSONDocument.self, from: data)
    } catch let error as DecodingError {
      throw .invalidExport(reason: Self.describe(error))
    } catch {
      throw .invalidExport(reason: "\(error)")
    }
    guard document.format == RecallJSONDocument.formatName else {
      throw .invalidExport(reason: "“format” is “\(document.format)”, not “\(RecallJSONDocument.formatName)”")
    }
    guard document.version <= RecallJSONDocument.currentVersion else {
      throw .invalidExport(reason: "format version \(document.version) is newer than this Recall reads")
    }
    return document
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context): return "missing “\(key.stringValue)” at \(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context))"
    @unknown default: return "\(error)"
    }
  }
}
