import Foundation

/// The two fuzz algorithms: py-fsrs' for reference mode and Anki's for live mode.
enum Fuzz {
  /// (start, end, factor): every day of the interval inside [start, end) widens the range by
  /// `factor` days in each direction, on top of one day. Same table in py-fsrs and Anki.
  static let ranges: [(start: Double, end: Double, factor: Double)] = [
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.1),
    (20.0, .infinity, 0.05),
  ]

  static func delta(_ interval: Double) -> Double {
    var delta = 1.0
    for range in ranges {
      delta += range.factor * max(min(interval, range.end) - range.start, 0.0)
    }
    return delta
  }

  // MARK: py-fsrs 6.3.2

  /// py-fsrs `_get_fuzz_range`: Python-rounded bounds, at least 2, at most the maximum interval.
  static func referenceRange(intervalDays: Int, maximumInterval: Int) -> (
    lower: Int, upper: Int
  ) {
    let interval = Double(intervalDays)
    let delta = delta(interval)
    var lower = Int((interval - delta).rounded(.toNearestOrEven))
    var upper = Int((interval + delta).rounded(.toNearestOrEven))
    lower = max(2, lower)
    upper = min(upper, maximumInterval)
    lower = min(lower, upper)
    return (lower, upper)
  }

  /// py-fsrs `_get_fuzzed_interval` with `random()` replaced by `unit`.
  ///
  /// Keeps py-fsrs' quirk of rounding instead of flooring, so `upper + 1` is reachable.
  static func referenceInterval(intervalDays: Int, maximumInterval: Int, unit: Double) -> Int {
    guard Double(intervalDays) >= 2.5 else { return intervalDays }
    let (lower, upper) = referenceRange(
      intervalDays: intervalDays, maximumInterval: maximumInterval)
    let fuzzed = unit * Double(upper - lower + 1) + Double(lower)
    return min(Int(fuzzed.rounded(.toNearestOrEven)), maximumInterval)
  }

  // MARK: Anki (rslib/src/scheduler/states/fuzz.rs), in Double instead of f32

  /// Anki `fuzz_bounds`: no fuzz below 2.5 days, Rust rounding (half away from zero), negative
  /// values saturate to 0 as Rust's `as u32` does.
  static func ankiBounds(_ interval: Double) -> (lower: Int, upper: Int) {
    let delta = interval < 2.5 ? 0 : delta(interval)
    return (
      max(0, Int((interval - delta).rounded())), max(0, Int((interval + delta).rounded()))
    )
  }

  /// Anki `constrained_fuzz_bounds`: the bounds kept inside [minimum, maximum], widened to two
  /// choices when that is possible, so fuzz still spreads cards near the limits.
  static func ankiConstrainedBounds(_ interval: Double, minimum: Int, maximum: Int) -> (
    lower: Int, upper: Int
  ) {
    let minimum = min(minimum, maximum)
    let clamped = min(max(interval, Double(minimum)), Double(maximum))
    var (lower, upper) = ankiBounds(clamped)
    lower = min(max(lower, minimum), maximum)
    upper = min(max(upper, minimum), maximum)
    if upper == lower && upper > 2 && upper < maximum {
      upper = lower + 1
    }
    return (lower, upper)
  }

  /// Anki `with_review_fuzz`: floor of a uniform pick in [lower, upper + 1), or the rounded and
  /// clamped interval when fuzz is off (`unit == nil`).
  static func ankiInterval(_ interval: Double, minimum: Int, maximum: Int, unit: Double?) -> Int {
    let minimum = min(minimum, maximum)
    guard let unit else {
      return min(max(Scheduler.wholeNumber(interval.rounded()), minimum), maximum)
    }
    let (lower, upper) = ankiConstrainedBounds(interval, minimum: minimum, maximum: maximum)
    let picked = Int((Double(lower) + unit * Double(1 + upper - lower)).rounded(.down))
    // unit < 1, but the product can round up to the excluded end in floating point.
    return min(picked, upper)
  }

  /// Anki `minimum_review_fuzz_interval`: when the new interval grew, fuzz may not go back to the
  /// previous interval; when it stayed within reach of it, fuzz may not go below it; when it
  /// really shrank (new weights or retention), there is no floor.
  static func ankiMinimumReviewInterval(
    _ interval: Double, previousInterval: Int, maximumInterval: Int
  ) -> Int {
    let rounded = Scheduler.wholeNumber(interval.rounded())
    let (_, upper) = ankiConstrainedBounds(interval, minimum: 1, maximum: maximumInterval)
    if rounded > previousInterval {
      return previousInterval + 1
    } else if previousInterval <= upper {
      return previousInterval
    } else {
      return 0
    }
  }
}
