import Foundation
import RecallCore

/// What an answer can change on a card: the state saved before and after every review, which undo restores.
public struct CardState: Sendable, Hashable, Codable {
  /// The schedule.
  public var schedule: CardSchedule
  /// Whether the card is suspended.
  public var suspended: Bool
  /// The card is hidden until this moment.
  public var buriedUntil: Date?
  /// The card's tags (an answer can add `leech`).
  public var tags: [String]

  /// Creates a state.
  public init(schedule: CardSchedule, suspended: Bool = false, buriedUntil: Date? = nil, tags: [String] = []) {
    self.schedule = schedule
    self.suspended = suspended
    self.buriedUntil = buriedUntil
    self.tags = tags
  }

  init(_ snapshot: CardSnapshot) {
    self.init(
      schedule: snapshot.schedule, suspended: snapshot.suspended, buriedUntil: snapshot.buriedUntil,
      tags: snapshot.tags)
  }

  var snapshot: CardSnapshot {
    CardSnapshot(
      Card(
        id: 0, deck: "", front: "", back: "", tags: tags, schedule: schedule, suspended: suspended,
        buriedUntil: buriedUntil))
  }
}
