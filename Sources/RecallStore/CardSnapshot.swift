import Foundation
import RecallCore

/// Everything an answer can change on a card, saved in the review log before and after each answer so undo can
/// put the card back exactly as it was.
struct CardSnapshot: Codable, Equatable {
  var schedule: CardSchedule
  var suspended: Bool
  var buriedUntil: Date?
  var tags: [String]

  init(_ card: Card) {
    schedule = card.schedule
    suspended = card.suspended
    buriedUntil = card.buriedUntil
    tags = card.tags
  }

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    // Seconds as a Double round-trip exactly; ISO 8601 strings would drop the sub-second part.
    encoder.dateEncodingStrategy = .secondsSince1970
    return encoder
  }()

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .secondsSince1970
    return decoder
  }()

  func json() throws -> String { String(decoding: try Self.encoder.encode(self), as: UTF8.self) }

  static func decode(_ json: String) throws -> CardSnapshot {
    try decoder.decode(CardSnapshot.self, from: Data(json.utf8))
  }
}
