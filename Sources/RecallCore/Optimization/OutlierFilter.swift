/// fsrs-rs's outlier filter (`dataset.rs` `prepare_training_data`).
///
/// Items with exactly one long-term review say how well a card is remembered after its first
/// day(s); they are grouped by (first rating, days until that review). Per first rating, the
/// smallest groups (about 5 % of the items, at least 20) are dropped as noise, and so are groups
/// of fewer than 6 items or with a gap over 100 days (365 for Easy). The surviving groups
/// initialize w0…w3; every training item whose card falls in a dropped group is removed as well,
/// because its whole history starts from an atypical first interval.
struct OutlierFilter {
  /// The items used to initialize the initial stabilities.
  var initializationItems: [FSRSItem]
  /// The items left for gradient descent, in input order.
  var trainingItems: [FSRSItem]

  private struct Pair: Hashable {
    var rating: Rating
    var elapsedDays: Int
  }

  init(_ items: [FSRSItem]) {
    // rating → elapsed days → indices of the single-long-term-review items.
    var groups: [Rating: [Int: [Int]]] = [:]
    for (index, item) in items.enumerated() where item.longTermReviewCount == 1 {
      let rating = item.reviews[item.reviews.startIndex].rating
      groups[rating, default: [:]][item.current.elapsedDays, default: []].append(index)
    }

    var removed: Set<Pair> = []
    var kept: [Int] = []
    for rating in Rating.allCases {
      guard let byDays = groups[rating] else { continue }
      // Smallest groups first; among equal sizes, shorter gaps first (the reverse of fsrs-rs'
      // "size descending, gap descending" order, which it walks backwards).
      let ordered = byDays.sorted {
        $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key < $1.key
      }
      let total = ordered.reduce(0) { $0 + $1.value.count }
      let maximumGap = rating == .easy ? 365 : 100
      var removedCount = 0
      for (days, indices) in ordered {
        if removedCount + indices.count >= max(20, total / 20) {
          if indices.count >= 6 && days <= maximumGap {
            kept.append(contentsOf: indices)
          } else {
            removed.insert(Pair(rating: rating, elapsedDays: days))
          }
        } else {
          removedCount += indices.count
          removed.insert(Pair(rating: rating, elapsedDays: days))
        }
      }
    }

    initializationItems = kept.map { items[$0] }
    trainingItems = items.filter { item in
      guard let first = item.firstLongTermReview else { return false }
      let pair = Pair(
        rating: item.reviews[item.reviews.startIndex].rating, elapsedDays: first.elapsedDays)
      return !removed.contains(pair)
    }
  }
}
