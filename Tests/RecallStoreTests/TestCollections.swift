import Foundation
import RecallCore

@testable import RecallStore

/// Collections and moments for the scheduling tests.
enum TestCollections {
  /// A collection with one deck of `count` cards named "Q1"…, with the given options.
  static func deck(_ count: Int, options: DeckOptions = TestCollections.utcOptions) throws -> Collection {
    let collection = try Collection()
    let cards = (1...count).map { ImportedCard(front: "Q\($0)", back: "A\($0)", line: $0) }
    _ = try collection.save(cards, toDeck: "D", now: moment("2024-01-01T00:00:00Z"))
    try collection.setOptions(options, ofDeck: "D")
    return collection
  }

  static var utcOptions: DeckOptions {
    var options = DeckOptions()
    options.timeZone = "UTC"
    options.fuzz = false
    return options
  }

  static func moment(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
  }

  static func ids(_ collection: Collection) throws -> [Int64] { try collection.cards(deck: "D").map(\.id) }
}
