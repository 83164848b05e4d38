/// An exam setting that cannot be planned for.
public enum ExamSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The target recall is not strictly between 0 and 1.
  case invalidTargetRecall(Double)
  /// The daily limit is below one card.
  case invalidDailyLimit(Int)

  /// A message naming the setting and the allowed range.
  public var description: String {
    switch self {
    case .invalidTargetRecall(let value):
      return "target recall \(value) must be greater than 0 and less than 1"
    case .invalidDailyLimit(let value):
      return "maximum cards per day \(value) must be at least 1"
    }
  }
}
