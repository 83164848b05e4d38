/// Why a card is predicted to miss the target.
public enum ExamShortfall: Sendable, Hashable, CustomStringConvertible {
  /// There is no study day left before the exam.
  case noTimeLeft
  /// The daily limit leaves no room for the reviews the card needs.
  case dailyLimit

  /// A short explanation.
  public var description: String {
    switch self {
    case .noTimeLeft: return "no study day left before the exam"
    case .dailyLimit: return "the daily limit leaves no room for the reviews it needs"
    }
  }
}
