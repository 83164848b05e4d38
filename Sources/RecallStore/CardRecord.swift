import Foundation
import RecallCore

/// A card's whole saved state, as brought in from another app or a Recall export: text, deck, schedule,
/// suspension and burial, and when it was made.
public struct CardRecord: Sendable, Hashable, Codable {
  /// The name of the card's deck; `::` separates levels (`Languages::French`).
  public var deck: String
  /// The prompt side.
  public var front: String
  /// The answer side.
  public var back: String
  /// The card's tags.
  public var tags: [String]
  /// The line of the source file the card came from, when it came from a text file.
  public var sourceLine: Int?
  /// Where the card stands in its schedule.
  public var schedule: CardSchedule
  /// Whether the card is suspended.
  public var suspended: Bool
  /// The card is hidden from study until this moment.
  public var buriedUntil: Date?
  /// When the card was created.
  public var createdAt: Date
  /// When the card was last changed.
  public var modifiedAt: Date

  /// Creates a record.
  public init(
    deck: String, front: String, back: String, tags: [String] = [], sourceLine: Int? = nil,
    schedule: CardSchedule, suspended: Bool = false, buriedUntil: Date? = nil, createdAt: Date, modifiedAt: Date
  ) {
    self.deck = deck
    self.front = front
    self.back = back
    self.tags = tags
    self.sourceLine = sourceLine
    self.schedule = schedule
    self.suspended = suspended
    self.buriedUntil = buriedUntil
    self.createdAt = createdAt
    self.modifiedAt = modifiedAt
  }

  /// The card's state as a review leaves it.
  public var state: CardState {
    CardState(schedule: schedule, suspended: suspended, buriedUntil: buriedUntil, tags: tags)
  }
}
