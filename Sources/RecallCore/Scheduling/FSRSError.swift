/// A configuration value the FSRS scheduler cannot work with.
///
/// Every case carries the offending value so that the ``description`` can tell the user exactly
/// what to fix; py-fsrs raises for the same conditions instead of clamping silently.
public enum FSRSError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The parameter vector does not have the 21 values FSRS-6 needs.
  case wrongParameterCount(Int)
  /// A parameter lies outside the bounds py-fsrs 6.3.2 accepts (or is not a finite number).
  case parameterOutOfBounds(index: Int, value: Double, lowerBound: Double, upperBound: Double)
  /// The desired retention is not strictly between 0 and 1.
  case invalidDesiredRetention(Double)
  /// A learning or relearning step is not a positive, finite number of seconds.
  case invalidStep(kind: String, index: Int, seconds: Double)
  /// The maximum interval is below one day.
  case invalidMaximumInterval(Int)
  /// The live-mode day start hour is not in 0…23.
  case invalidDayStartHour(Int)

  /// A message that names the setting, its value and the allowed range.
  public var description: String {
    switch self {
    case .wrongParameterCount(let count):
      return "FSRS-6 needs \(FSRSParameters.count) parameters, got \(count)"
    case .parameterOutOfBounds(let index, let value, let lower, let upper):
      return "parameters[\(index)] = \(value) is out of bounds: allowed \(lower)…\(upper)"
    case .invalidDesiredRetention(let value):
      return "desired retention \(value) must be greater than 0 and less than 1"
    case .invalidStep(let kind, let index, let seconds):
      return "\(kind)[\(index)] = \(seconds) s must be a positive, finite number of seconds"
    case .invalidMaximumInterval(let days):
      return "maximum interval \(days) must be at least 1 day"
    case .invalidDayStartHour(let hour):
      return "day start hour \(hour) must be in 0…23"
    }
  }
}
