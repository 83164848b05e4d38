import Foundation
import RecallCore
import RecallStore

/// Recall's own lossless export: every deck with its options, every card with its full schedule, and every review
/// with the card's state before and after it. `docs/export-json.md` documents the format.
public struct RecallJSONDocument: Sendable, Hashable, Codable {
  /// The value of `format` in every Recall JSON export.
  public static let formatName = "recall-collection"
  /// The format version this Recall writes and reads.
  public static let currentVersion = 1

  /// Always ``formatName``.
  public var format: String
  /// The format version; a newer one is refused rather than misread.
  public var version: Int
  /// When the export was made.
  public var exportedAt: Date
  /// The exported decks, by name.
  public var decks: [DeckRecord]
  /// The exported cards, by deck and position.
  public var cards: [Card]
  /// The media files the cards show (kept in the collection's media folder, not in this file).
  public var media: [String]

  /// One card with its history.
  public struct Card: Sendable, Hashable, Codable {
    /// The card's id in the exporting collection (informational: importing assigns new ids).
    public var id: Int64
    /// Its position in its deck's order of new cards.
    public var position: Int
    /// Text, deck, schedule and state.
    public var card: CardRecord
    /// The review history, oldest first.
    public var reviews: [ReviewEntry]
  }

  /// Creates a document.
  public init(exportedAt: Date, decks: [DeckRecord], cards: [Card], media: [String]) {
    format = Self.formatName
    version = Self.currentVersion
    self.exportedAt = exportedAt
    self.decks = decks
    self.cards = cards
    self.media = media
  }

  /// The document as JSON: `format` and `version` first, so a reader can tell the file from its first bytes,
  /// then the decks and media, then one card per line. Keys are sorted and dates are seconds since 1970, so the
  /// file is stable and exact.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .secondsSince1970
    var output = Data("{\n\"format\": ".utf8) + (try encoder.encode(format))
    output += Data(",\n\"version\": ".utf8) + (try encoder.encode(version))
    output += Data(",\n\"exportedAt\": ".utf8) + (try encoder.encode(exportedAt.timeIntervalSince1970))
    output += Data(",\n\"decks\": ".utf8) + (try encoder.encode(decks))
    output += Data(",\n\"media\": ".utf8) + (try encoder.encode(media))
    output += Data(",\n\"cards\": [".utf8)
    for (index, card) in cards.enumerated() {
      output += Data((index == 0 ? "\n" : ",\n").utf8) + (try encoder.encode(card))
    }
    output += Data("\n]\n}\n".utf8)
    return output
  }

  /// The decoder for exports.
  public static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }

  /// Whether `data`, the start of a file, is a Recall JSON export: it opens with `"format": "recall-collection"`
  /// (a cheap check, before decoding it all).
  public static func isExport(_ data: Data) -> Bool {
    let start = String(decoding: data.prefix(256), as: UTF8.self).filter { !$0.isWhitespace }
    return start.hasPrefix("{\"format\":\"\(formatName)\"")
  }
}
