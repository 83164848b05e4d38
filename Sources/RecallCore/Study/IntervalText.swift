import Foundation

/// Durations as the rating buttons show them, in the terminal and on the web: `1m`, `10m`, `3h`, `4d`, `2.5mo`,
/// `1.2y`.
public enum IntervalText {
  /// The time from `start` to `end`.
  public static func describe(from start: Date, to end: Date) -> String {
    describe(days: end.timeIntervalSince(start) / 86_400)
  }

  /// A number of days.
  public static func describe(days: Double) -> String {
    let minutes = days * 1440
    switch minutes {
    case ..<60: return "\(max(1, Int(minutes.rounded())))m"
    case ..<1440: return "\(Int((minutes / 60).rounded()))h"
    case ..<(1440 * 30): return "\(Int(days.rounded()))d"
    case ..<(1440 * 365): return String(format: "%.1fmo", days / 30)
    default: return String(format: "%.1fy", days / 365)
    }
  }
}
