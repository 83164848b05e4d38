import Foundation

/// fsrs-rs's pre-training of the initial stabilities w0…w3 (`parameter_initialization.rs`).
///
/// For each first rating, the recall rate after each first gap is smoothed towards the overall
/// recall rate, and S0 is the value in [0.001, 100] that minimises the count-weighted binary
/// cross-entropy of the default forgetting curve, plus |S0 − default| / 16 to keep sparse ratings
/// near the default. ``smoothAndFill(_:counts:)`` then makes S0 increase with the rating and
/// extrapolates ratings with no data.
enum InitialStability {
  /// S0 per first rating (1…4) and the number of items behind each; `nil` when no item has a
  /// single long-term review.
  static func fit(
    initializationItems: [FSRSItem], averageRecall: Double
  ) -> (stabilities: [Double], counts: [Rating: Int])? {
    // first rating → first gap → (recalled, total)
    var groups: [Rating: [Int: (recalled: Int, total: Int)]] = [:]
    for item in initializationItems where item.longTermReviewCount == 1 {
      guard let first = item.firstLongTermReview else { continue }
      let rating = item.reviews[item.reviews.startIndex].rating
      var entry = groups[rating, default: [:]][first.elapsedDays, default: (0, 0)]
      entry.recalled += first.rating == .again ? 0 : 1
      entry.total += 1
      groups[rating, default: [:]][first.elapsedDays] = entry
    }
    var counts: [Rating: Int] = [:]
    var stabilities: [Rating: Double] = [:]
    for (rating, byDays) in groups {
      let points = byDays.sorted { $0.key < $1.key }.map { days, tally in
        let count = Double(tally.total)
        let recall = Double(tally.recalled) / count
        // Laplace smoothing towards the average: (recall · n + average) / (n + 1).
        return (days: Double(days), recall: (recall * count + averageRecall) / (count + 1), count: count)
      }
      counts[rating] = byDays.values.reduce(0) { $0 + $1.total }
      stabilities[rating] = search(points, defaultStability: FSRSParameters.default[rating.rawValue - 1])
    }
    guard let filled = smoothAndFill(stabilities, counts: counts) else { return nil }
    return (filled, counts)
  }

  /// Ternary search for the S0 that minimises the pre-training loss, as fsrs-rs
  /// `search_parameters` (stops when the bracket is narrower than machine epsilon or after 1000
  /// rounds).
  static func search(
    _ points: [(days: Double, recall: Double, count: Double)], defaultStability: Double
  ) -> Double {
    let decay = -FSRSParameters.default[20]
    let factor = pow(0.9, 1 / decay) - 1
    func loss(_ stability: Double) -> Double {
      var total = 0.0
      for point in points {
        let predicted = pow(point.days / stability * factor + 1, decay)
        total -= (point.recall * log(predicted) + (1 - point.recall) * log(1 - predicted)) * point.count
      }
      return total + abs(stability - defaultStability) / 16
    }
    var low = FSRSModel.minimumStability
    var high = 100.0
    var best = defaultStability
    var rounds = 0
    while high - low > Double.ulpOfOne && rounds < 1000 {
      rounds += 1
      let third = (high - low) / 3
      let middle1 = low + third
      let middle2 = high - third
      if loss(middle1) < loss(middle2) {
        high = middle2
      } else {
        low = middle1
      }
      best = (high + low) / 2
    }
    return best
  }

  /// fsrs-rs `smooth_and_fill`: keeps S0 non-decreasing in the rating (the better-supported
  /// rating wins a conflict) and fills missing ratings by power-law interpolation, then clamps to
  /// [0.001, 100]. `nil` when there is no rating at all.
  static func smoothAndFill(_ stabilities: [Rating: Double], counts: [Rating: Int]) -> [Double]? {
    var values: [Int: Double] = [:]
    for (rating, value) in stabilities where counts[rating] != nil {
      values[rating.rawValue] = value
    }
    let count = { (rating: Int) in counts[Rating(rawValue: rating)!] ?? 0 }
    for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
      if let smallValue = values[small], let bigValue = values[big], smallValue > bigValue {
        if count(small) > count(big) {
          values[big] = smallValue
        } else {
          values[small] = bigValue
        }
      }
    }

    let w1 = 0.41
    let w2 = 0.54
    var result: [Double]
    switch values.count {
    case 0:
      return nil
    case 1:
      // Scale the defaults so that the known rating matches.
      let (rating, value) = values.first!
      let scale = value / FSRSParameters.default[rating - 1]
      result = (0..<4).map { FSRSParameters.default[$0] * scale }.sorted()
    default:
      var r = [nil, values[1], values[2], values[3], values[4]]
      if values.count == 2 {
        switch (r[1], r[2], r[3], r[4]) {
        case (nil, nil, let r3?, let r4?):
          let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
          r[2] = r2
          r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
        case (nil, let r2?, nil, let r4?):
          let r3 = pow(r2, 1 - w2) * pow(r4, w2)
          r[3] = r3
          r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
        case (nil, let r2?, let r3?, nil):
          r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
          r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
        case (let r1?, nil, nil, let r4?):
          let denominator = w1 * -w2 + (w1 + w2)
          let r2 = pow(r1, w1 / denominator) * pow(r4, 1 - w1 / denominator)
          r[2] = r2
          r[3] = pow(r1, 1 - w2 / denominator) * pow(r4, w2 / denominator)
        case (let r1?, nil, let r3?, nil):
          let r2 = pow(r1, w1) * pow(r3, 1 - w1)
          r[2] = r2
          r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
        case (let r1?, let r2?, nil, nil):
          let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
          r[3] = r3
          r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
        default:
          break
        }
      } else if values.count == 3 {
        switch (r[1], r[2], r[3], r[4]) {
        case (nil, let r2?, let r3?, _):
          r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
        case (let r1?, nil, let r3?, _):
          r[2] = pow(r1, w1) * pow(r3, 1 - w1)
        case (_, let r2?, nil, let r4?):
          r[3] = pow(r2, 1 - w2) * pow(r4, w2)
        case (_, let r2?, let r3?, nil):
          r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
        default:
          break
        }
      }
      result = r.compactMap { $0 }
    }
    return result.prefix(4).map { min(max($0, FSRSModel.minimumStability), 100) }
  }
}
