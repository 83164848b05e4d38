/// How a typed answer compares with a card's answer, as the study screens show it.
public struct AnswerCheck: Sendable, Hashable {
  /// A run of the typed answer compared with the expected one.
  public enum Segment: Sendable, Hashable {
    /// Text typed as expected.
    case matched(String)
    /// Text typed that the answer does not have.
    case extra(String)
    /// Text of the answer that was not typed.
    case missing(String)
  }

  /// The typed answer against the expected one, character by character (normalised for case and accents).
  public var segments: [Segment]
  /// How close the typed answer is, 0…1.
  public var similarity: Double
  /// The rating the comparison suggests; the student can accept it or choose another.
  public var suggestedRating: Rating
  /// Parts of the answer the student missed, to show after the diff (empty when nothing was missed).
  public var missed: [String]
  /// The points of the answer recalled and their number, and the verdict, when the checker grades by points.
  public var points: (hit: Int, total: Int, verdict: String)?

  /// Creates a check.
  public init(
    segments: [Segment], similarity: Double, suggestedRating: Rating, missed: [String] = [],
    points: (hit: Int, total: Int, verdict: String)? = nil
  ) {
    self.segments = segments
    self.similarity = similarity
    self.suggestedRating = suggestedRating
    self.missed = missed
    self.points = points
  }

  /// Checks are equal when everything they show is equal.
  public static func == (lhs: AnswerCheck, rhs: AnswerCheck) -> Bool {
    lhs.segments == rhs.segments && lhs.similarity == rhs.similarity && lhs.suggestedRating == rhs.suggestedRating
      && lhs.missed == rhs.missed && lhs.points?.hit == rhs.points?.hit && lhs.points?.total == rhs.points?.total
      && lhs.points?.verdict == rhs.points?.verdict
  }

  /// Hashes what ``==`` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(segments)
    hasher.combine(similarity)
    hasher.combine(suggestedRating)
    hasher.combine(missed)
    hasher.combine(points?.hit)
    hasher.combine(points?.total)
    hasher.combine(points?.verdict)
  }
}

/// Compares a typed answer with a card's answer. The study screens use whichever checker they are given, so a
/// better grader plugs in without changing them.
public protocol AnswerChecking: Sendable {
  /// Compares `typed` with the card's answer `expected`; `front` and `deck` give context to checkers that use it.
  func check(typed: String, expected: String, front: String) -> AnswerCheck
}
