/// Decides what a simulated learner studies each day: the scheduler under test.
///
/// The simulator asks once per day for the cards to study, then reports every answer. Cards are
/// numbered 0..<cardCount; a card never studied before is new. A policy sees only answers, never
/// the learner's true memory, as a real scheduler.
public protocol StudyPolicy {
  /// The cards to study on `day` (days count from 0), in order; each is studied at most once
  /// (plus a same-day step after Again). Unknown or repeated numbers are ignored.
  mutating func cardsToStudy(on day: Int) -> [Int]
  /// The answers `card` got on `day`, first answer first (a second one is a same-day step).
  mutating func record(card: Int, day: Int, ratings: [Rating])
}
