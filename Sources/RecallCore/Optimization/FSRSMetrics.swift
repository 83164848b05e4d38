import Foundation

/// How well predicted recall probabilities match what happened: the three measures of
/// srs-benchmark.
public enum FSRSMetrics {
  /// Predictions are clamped to [1e-7, 1 − 1e-7] (as in fsrs-rs training) so that one confident
  /// mistake cannot make the loss infinite.
  public static let probabilityFloor = 1e-7

  /// Mean binary cross-entropy, −Σ wᵢ (yᵢ ln pᵢ + (1 − yᵢ) ln(1 − pᵢ)) / Σ wᵢ; weights default to 1.
  public static func logLoss(
    predictions: [Double], outcomes: [Bool], weights: [Double]? = nil
  ) -> Double {
    precondition(predictions.count == outcomes.count)
    var total = 0.0
    var weightSum = 0.0
    for index in predictions.indices {
      let p = min(max(predictions[index], probabilityFloor), 1 - probabilityFloor)
      let weight = weights?[index] ?? 1
      total -= (outcomes[index] ? log(p) : log(1 - p)) * weight
      weightSum += weight
    }
    return total / weightSum
  }

  /// RMSE(bins): within each bin, the squared gap between mean prediction and observed recall
  /// rate, averaged over bins weighted by their item count (or by the sum of `weights`), then
  /// square-rooted.
  public static func rmseBins(
    predictions: [Double], outcomes: [Bool], bins: [RMSEBin], weights: [Double]? = nil
  ) -> Double {
    precondition(predictions.count == outcomes.count && predictions.count == bins.count)
    var sums: [RMSEBin: (predicted: Double, actual: Double, count: Double, weight: Double)] = [:]
    for index in predictions.indices {
      var entry = sums[bins[index], default: (0, 0, 0, 0)]
      entry.predicted += predictions[index]
      entry.actual += outcomes[index] ? 1 : 0
      entry.count += 1
      entry.weight += weights?[index] ?? 1
      sums[bins[index]] = entry
    }
    var squared = 0.0
    var weightSum = 0.0
    // Sorted so that the floating-point sum does not depend on hashing order.
    for bin in sums.keys.sorted(by: { ($0.elapsedDays, $0.length, $0.lapses) < ($1.elapsedDays, $1.length, $1.lapses) })
    {
      let entry = sums[bin]!
      let gap = entry.predicted / entry.count - entry.actual / entry.count
      squared += gap * gap * entry.weight
      weightSum += entry.weight
    }
    return (squared / weightSum).squareRoot()
  }

  /// Area under the ROC curve: the probability that a random pass gets a higher prediction than a
  /// random lapse (ties count half). `nil` when there are no passes or no lapses.
  public static func auc(predictions: [Double], outcomes: [Bool]) -> Double? {
    precondition(predictions.count == outcomes.count)
    let sorted = zip(predictions, outcomes).sorted { $0.0 < $1.0 }
    var positives = 0.0
    var rankSum = 0.0
    var start = 0
    // Mann–Whitney U with average ranks for tied predictions.
    while start < sorted.count {
      var end = start
      while end + 1 < sorted.count && sorted[end + 1].0 == sorted[start].0 {
        end += 1
      }
      let averageRank = Double(start + end) / 2 + 1
      for position in start...end where sorted[position].1 {
        positives += 1
        rankSum += averageRank
      }
      start = end + 1
    }
    let negatives = Double(sorted.count) - positives
    guard positives > 0 && negatives > 0 else { return nil }
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
  }

  /// The probability of recall the model gives each item's target review: the item's history
  /// replayed through ``FSRSModel``, then the forgetting curve over the target's elapsed days.
  ///
  /// Items of one card that share storage (as ``FSRSItemBuilder`` makes them) are predicted in
  /// one pass over the card, so the cost is the number of reviews rather than the sum of the
  /// history lengths.
  public static func predictions(parameters: FSRSParameters, items: [FSRSItem]) -> [Double] {
    predictions(parameters: parameters, items: items, cards: CardGroups(items))
  }

  static func predictions(
    parameters: FSRSParameters, items: [FSRSItem], cards: CardGroups
  ) -> [Double] {
    let model = FSRSModel(parameters: parameters)
    var result = [Double](repeating: 0, count: items.count)
    for index in cards.unshared {
      result[index] = predict(model, items[index].reviews)
    }
    for group in cards.groups {
      // `group` is sorted by history length, so its targets come in replay order.
      let base = items[group.last!].reviews
      var next = 0
      var state: MemoryState?
      for (position, review) in base.enumerated() {
        while next < group.count && items[group[next]].reviews.count - 1 == position {
          if let state {
            result[group[next]] = model.retrievability(
              elapsedDays: Double(review.elapsedDays), stability: state.stability)
          }
          next += 1
        }
        state = model.nextState(state, rating: review.rating, elapsedDays: review.elapsedDays)
      }
    }
    return result
  }

  static func predict(_ model: FSRSModel, _ reviews: ArraySlice<FSRSReview>) -> Double {
    var state: MemoryState?
    for review in reviews.dropLast() {
      state = model.nextState(state, rating: review.rating, elapsedDays: review.elapsedDays)
    }
    guard let state else { return 0 }
    return model.retrievability(
      elapsedDays: Double(reviews.last!.elapsedDays), stability: state.stability)
  }
}
