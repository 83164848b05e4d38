import Foundation

/// Turns review logs into FSRS training items the way fsrs-rs and Anki do.
///
/// Each review that comes at least one study day after the card's previous review becomes an item
/// whose history is every earlier review of the card, same-day ones included (with 0 elapsed
/// days, where FSRS-6's short-term formula applies). Reviews on the same day as the previous one
/// are never targets: FSRS-6 predicts recall across days, and a same-day answer mostly measures
/// the learning step, not memory.
public enum FSRSItemBuilder {
  /// The items of every history, ordered by the target review's time (ties by card ID, then by
  /// position), which is the order recency weighting and time splits expect.
  public static func items(from histories: [CardHistory], days: SchedulingDay) -> [FSRSItem] {
    let dayNumbers = days.numbers(of: histories.flatMap { $0.reviews.map(\.time) })
    var items: [FSRSItem] = []
    var offset = 0
    for history in histories {
      let count = history.reviews.count
      let reviews = self.reviews(of: history, dayNumbers: dayNumbers[offset..<offset + count])
      offset += count
      for index in reviews.indices.dropFirst() where reviews[index].elapsedDays > 0 {
        items.append(
          FSRSItem(
            cardID: history.cardID, time: history.reviews[index].time,
            reviews: reviews[...index]))
      }
    }
    return chronological(items)
  }

  /// A history as FSRS reviews: ratings with the study days since the previous review.
  public static func reviews(of history: CardHistory, days: SchedulingDay) -> [FSRSReview] {
    reviews(of: history, dayNumbers: days.numbers(of: history.reviews.map(\.time))[...])
  }

  private static func reviews(of history: CardHistory, dayNumbers: ArraySlice<Int>) -> [FSRSReview] {
    var reviews: [FSRSReview] = []
    reviews.reserveCapacity(history.reviews.count)
    var previousDay: Int?
    for (record, day) in zip(history.reviews, dayNumbers) {
      // Histories are chronological, so the difference is never negative.
      reviews.append(
        FSRSReview(rating: record.rating, elapsedDays: previousDay.map { day - $0 } ?? 0))
      previousDay = day
    }
    return reviews
  }

  /// Items sorted by target time, then card ID, then history length: a total order, so the
  /// result does not depend on the order of the input histories.
  static func chronological(_ items: [FSRSItem]) -> [FSRSItem] {
    items.sorted {
      if $0.time != $1.time { return $0.time < $1.time }
      if $0.cardID != $1.cardID { return $0.cardID < $1.cardID }
      return $0.reviews.count < $1.reviews.count
    }
  }
}
