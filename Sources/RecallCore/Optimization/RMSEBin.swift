import Foundation

/// The bin an item falls in for RMSE(bins): elapsed days, review count and lapse count, each on a
/// logarithmic scale (srs-benchmark `rmse_matrix`, fsrs-rs `FSRSItem::r_matrix_index`).
///
/// Comparing mean prediction with mean outcome per bin measures calibration where it matters to
/// a scheduler (long gaps, many lapses) rather than over the bulk of easy reviews.
public struct RMSEBin: Sendable, Hashable {
  /// round(2.48 · 3.62^⌊log₃.₆₂ t⌋ · 100) for the target's elapsed days t.
  public var elapsedDays: Int
  /// round(1.99 · 1.89^⌊log₁.₈₉ n⌋) for n = long-term reviews + 1.
  public var length: Int
  /// round(1.65 · 1.73^⌊log₁.₇₃ l⌋) for l lapses after the first day (0 stays 0).
  public var lapses: Int

  /// The bin of an item.
  public init(item: FSRSItem) {
    let counts = Self.counts(item)
    self.init(elapsedDays: counts.elapsed, longTermReviews: counts.longTerm, lapses: counts.lapses)
  }

  /// The bin of a target `elapsedDays` after the previous review, for a card with
  /// `longTermReviews` reviews after its first day (the target included) and `lapses` lapses
  /// after its first day before the target.
  public init(elapsedDays: Int, longTermReviews: Int, lapses: Int) {
    self.elapsedDays = Int((2.48 * Self.logFloor(Double(elapsedDays), base: 3.62) * 100).rounded())
    length = Int((1.99 * Self.logFloor(Double(longTermReviews + 1), base: 1.89)).rounded())
    self.lapses =
      lapses == 0 ? 0 : Int((1.65 * Self.logFloor(Double(lapses), base: 1.73)).rounded())
  }

  /// base^⌊log_base x⌋, computed as fsrs-rs does (natural logarithms, then `powf`).
  private static func logFloor(_ x: Double, base: Double) -> Double {
    pow(base, floor(log(x) / log(base)))
  }

  /// (target's elapsed days, long-term reviews including the target, lapses before the target).
  private static func counts(_ item: FSRSItem) -> (elapsed: Int, longTerm: Int, lapses: Int) {
    var longTerm = 0
    var lapses = 0
    for review in item.reviews where review.elapsedDays > 0 {
      longTerm += 1
      if review.rating == .again { lapses += 1 }
    }
    let current = item.current
    if current.elapsedDays > 0 && current.rating == .again { lapses -= 1 }
    return (current.elapsedDays, longTerm, lapses)
  }

  /// Bins of many items, computing the logarithms once per distinct input.
  static func bins(of items: [FSRSItem]) -> [RMSEBin] {
    var cache: [Int: RMSEBin] = [:]
    return items.map { item in
      let counts = counts(item)
      // A collision-free key while every count stays below 2^20; beyond that, no cache.
      guard counts.elapsed < 1 << 20, counts.longTerm < 1 << 20, counts.lapses < 1 << 20 else {
        return RMSEBin(
          elapsedDays: counts.elapsed, longTermReviews: counts.longTerm, lapses: counts.lapses)
      }
      let key = counts.elapsed << 40 | counts.longTerm << 20 | counts.lapses
      if let bin = cache[key] { return bin }
      let bin = RMSEBin(
        elapsedDays: counts.elapsed, longTermReviews: counts.longTerm, lapses: counts.lapses)
      cache[key] = bin
      return bin
    }
  }
}
