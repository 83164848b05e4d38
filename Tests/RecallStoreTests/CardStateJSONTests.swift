import Foundation
import RecallCore
import Testing

@testable import RecallStore

/// The hand-written review-log JSON of a card's state reads back as the same state, whatever the card holds.
struct CardStateJSONTests {
  static let snapshots: [Card] = [
    Card(id: 1, deck: "D", front: "f", back: "b", schedule: .new(due: Date(timeIntervalSince1970: 1_700_000_000.125))),
    Card(
      id: 2, deck: "D", front: "f", back: "b", tags: ["leech", "a\"quote", "back\\slash", "tab\there", "ünï"],
      schedule: CardSchedule(
        phase: .relearning, step: 0, stability: 1e-5, difficulty: 9.999999999, due: Date(timeIntervalSince1970: 0.1),
        lastReview: Date(timeIntervalSince1970: 1_699_999_999.999), reps: 42, lapses: 7, scheduledDays: 3),
      suspended: true, buriedUntil: Date(timeIntervalSince1970: 1_700_086_400)),
  ]

  @Test(arguments: snapshots)
  func jsonReadsBackExactly(_ card: Card) throws {
    let state = CardState(card)
    #expect(try CardState.decode(state.json()) == state)
  }
}
