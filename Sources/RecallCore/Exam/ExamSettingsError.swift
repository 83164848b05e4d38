/// An exam setting that cannot be planned for.
public enum ExamSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The target recall is not strictly between 0 and 1.
  case invalidTargetRecall(Double)
  /// The daily limit is below one card.
  case invalidDailyLimit(Int)
  /// The exam date is not a calendar date written `YYYY-MM-DD`.
  case invalidDate(String)
  /// The exam date is today or earlier: there is no study day left to plan.
  case dateNotInTheFuture(String)

  /// A message naming the setting and the allowed range.
  public var description: String {
    switch self {
    case .invalidTargetRecall(let value):
      return "target recall \(value) must be greater than 0 and less than 1"
    case .invalidDailyLimit(let value):
      return "maximum cards per day \(value) must be at least 1"
    case .invalidDate(let text):
      return "write the exam date as YYYY-MM-DD, not “\(text)”"
    case .dateNotInTheFuture(let text):
      return "the exam date \(text) must be after today"
    }
  }
}
