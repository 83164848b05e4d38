import Foundation

/// A card in the collection: its text and where it stands in its schedule.
public struct Card: Sendable, Hashable, Codable, Identifiable {
  /// The card's id in the collection.
  public var id: Int64
  /// The name of the card's deck.
  public var deck: String
  /// The prompt side; empty when the source had no question.
  public var front: String
  /// The answer side; empty when the source had no answer.
  public var back: String
  /// The card's tags.
  public var tags: [String]
  /// The line of the source file the card was imported from.
  public var sourceLine: Int?
  /// Where the card stands in its FSRS schedule.
  public var schedule: CardSchedule
  /// Whether the user (or the leech rule) suspended the card.
  public var suspended: Bool
  /// The card is hidden from study until this moment (buried until tomorrow).
  public var buriedUntil: Date?

  /// Whether a side is missing: such a card stays out of study until it is completed.
  public var flagged: Bool { front.isEmpty || back.isEmpty }

  /// Whether the card has lapsed often enough to be tagged a leech.
  public var isLeech: Bool { tags.contains("leech") }

  /// Creates a card.
  public init(
    id: Int64, deck: String, front: String, back: String, tags: [String] = [], sourceLine: Int? = nil,
    schedule: CardSchedule, suspended: Bool = false, buriedUntil: Date? = nil
  ) {
    self.id = id
    self.deck = deck
    self.front = front
    self.back = back
    self.tags = tags
    self.sourceLine = sourceLine
    self.schedule = schedule
    self.suspended = suspended
    self.buriedUntil = buriedUntil
  }
}
