/// The answer a learner gives when reviewing a card.
///
/// The raw values are the grades FSRS uses in its formulas (G = 1…4), and they are also
/// the values py-fsrs, fsrs-rs and Anki store in review logs, so logs can be exchanged
/// without translation.
public enum Rating: Int, Sendable, Codable, CaseIterable {
  /// The answer was forgotten (a lapse when the card was in review).
  case again = 1
  /// The answer was recalled with serious difficulty.
  case hard
  /// The answer was recalled after some hesitation.
  case good
  /// The answer was recalled effortlessly.
  case easy
}
