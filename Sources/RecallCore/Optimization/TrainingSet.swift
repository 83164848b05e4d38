/// Training items packed per card, the layout the analytic gradient walks.
///
/// All items of a card are prefixes of its longest item, so one pass over the card's reviews
/// predicts every item at once (fsrs-rs' "windowed" batches, which it uses when card IDs are
/// known). A position holds a target when its weight is positive; its label is 1 for a pass and
/// 0 for a lapse. A pass costs the number of reviews, not the sum of the prefix lengths, which is
/// what lets scalar Double code keep up with fsrs-rs' vectorised f32.
struct TrainingSet: Sendable {
  /// Elapsed days of every review, card after card.
  var elapsedDays: [Double] = []
  /// Ratings 1…4, aligned with `elapsedDays`.
  var ratings: [Int32] = []
  /// 1 for a pass, 0 for a lapse; only meaningful where `weights` is positive.
  var labels: [Double] = []
  /// Loss weight of the target at each position; 0 where there is no target.
  var weights: [Double] = []
  /// Where each card starts in the arrays, plus one final end index.
  var cardStarts: [Int] = [0]
  /// Number of targets of each card.
  var targetCounts: [Int] = []

  var cardCount: Int { targetCounts.count }
  var targetCount: Int { targetCounts.reduce(0, +) }
  var longestCard: Int {
    zip(cardStarts, cardStarts.dropFirst()).map { $1 - $0 }.max() ?? 0
  }

  /// Packs weighted items. The items of a card that are prefixes of its longest item (all of
  /// them, when ``FSRSItemBuilder`` made them) share one sequence; any other item gets its own.
  init(items: [FSRSItem], weights itemWeights: [Double]) {
    let cards = CardGroups(items)
    for group in cards.groups + cards.unshared.map({ [$0] }) {
      let start = elapsedDays.count
      for review in items[group.last!].reviews {
        elapsedDays.append(Double(review.elapsedDays))
        ratings.append(Int32(review.rating.rawValue))
        labels.append(0)
        weights.append(0)
      }
      for index in group {
        let position = start + items[index].reviews.count - 1
        labels[position] = items[index].recalled ? 1 : 0
        weights[position] = itemWeights[index]
      }
      cardStarts.append(elapsedDays.count)
      targetCounts.append(group.count)
    }
  }

  /// Cuts cards, taken in `order`, into batches of at most `batchSize` targets (a card with more
  /// targets than that gets a batch of its own).
  ///
  /// fsrs-rs sorts cards by length before cutting, which saves tensor padding but makes each
  /// batch a sample of one kind of card (the last ones hold only long, lapse-heavy histories). Our
  /// scalar code has no padding, so the caller passes a random order instead: every step then
  /// sees a representative sample, and on the Josh log (bench/) this reached a lower training
  /// loss and a lower test loss than the sorted order.
  func batches(order: [Int], size batchSize: Int) -> [[Int]] {
    var batches: [[Int]] = []
    var current: [Int] = []
    var targets = 0
    for card in order {
      if !current.isEmpty && targets + targetCounts[card] > batchSize {
        batches.append(current)
        current = []
        targets = 0
      }
      targets += targetCounts[card]
      current.append(card)
    }
    if !current.isEmpty { batches.append(current) }
    return batches
  }
}
