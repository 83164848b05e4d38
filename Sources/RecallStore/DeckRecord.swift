import Foundation
import RecallCore

/// A deck as saved: its name, when it was made, and its study options.
public struct DeckRecord: Sendable, Hashable, Codable {
  /// The deck's name; `::` separates levels.
  public var name: String
  /// When the deck was created.
  public var createdAt: Date
  /// Its study options.
  public var options: DeckOptions

  /// Creates a deck record.
  public init(name: String, createdAt: Date, options: DeckOptions = DeckOptions()) {
    self.name = name
    self.createdAt = createdAt
    self.options = options
  }
}
