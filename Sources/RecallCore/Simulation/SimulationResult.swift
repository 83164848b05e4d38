import Foundation

/// What happened in a ``ReviewSimulator`` run, day by day and card by card.
public struct SimulationResult: Sendable {
  /// The learner's true weights, used by ``retrievability(card:onDay:)``.
  public let parameters: FSRSParameters
  /// Number of simulated days.
  public let days: Int
  /// Reviews (answers to cards studied before) per day, same-day steps excluded.
  public internal(set) var reviewsPerDay: [Int]
  /// Of those, the ones recalled.
  public internal(set) var recalledPerDay: [Int]
  /// Cards studied for the first time per day.
  public internal(set) var newCardsPerDay: [Int]
  /// Every answer per day, same-day steps included.
  public internal(set) var answersPerDay: [Int]
  /// Seconds of study per day.
  public internal(set) var secondsPerDay: [Double]
  /// Each card's answers, oldest first.
  public internal(set) var histories: [[SimulatedReview]]
  /// Each card's true stability at the end of each day it was studied (aligned with the distinct
  /// days of ``histories``).
  var stabilities: [[Double]]

  init(parameters: FSRSParameters, cardCount: Int, days: Int) {
    self.parameters = parameters
    self.days = days
    reviewsPerDay = Array(repeating: 0, count: days)
    recalledPerDay = Array(repeating: 0, count: days)
    newCardsPerDay = Array(repeating: 0, count: days)
    answersPerDay = Array(repeating: 0, count: days)
    secondsPerDay = Array(repeating: 0, count: days)
    histories = Array(repeating: [], count: cardCount)
    stabilities = Array(repeating: [], count: cardCount)
  }

  /// All reviews in the run.
  public var totalReviews: Int { reviewsPerDay.reduce(0, +) }
  /// All answers in the run, first answers of new cards and same-day steps included.
  public var totalAnswers: Int { answersPerDay.reduce(0, +) }
  /// Share of reviews recalled (true retention); `nil` without reviews.
  public var retention: Double? {
    let reviews = totalReviews
    return reviews == 0 ? nil : Double(recalledPerDay.reduce(0, +)) / Double(reviews)
  }

  /// The learner's true probability of recalling `card` at the start of `day` (before any study
  /// that day): 0 for a card not yet studied. `day` may be past the last simulated day, e.g. an
  /// exam day.
  public func retrievability(card: Int, onDay day: Int) -> Double {
    var last: Int?
    var stability = 0.0
    var index = -1
    for review in histories[card] where review.day < day {
      if review.day != last {
        index += 1
        last = review.day
      }
    }
    guard let last, index >= 0 else { return 0 }
    stability = stabilities[card][index]
    return FSRSModel(parameters: parameters).retrievability(
      elapsedDays: Double(day - last), stability: stability)
  }

  /// The histories as review logs, card `n` named "n": a card's answers on day `d` are placed
  /// `d` days after `start`, 30 minutes apart from `start`'s time of day onwards, so that with a
  /// ``SchedulingDay`` whose day starts at `start` (and a time zone without daylight saving) every
  /// answer lands on its simulated day.
  public func cardHistories(startingAt start: Date) -> [CardHistory] {
    histories.enumerated().map { card, reviews in
      var records: [ReviewEvent] = []
      var previousDay = -1
      var step = 0
      for review in reviews {
        step = review.day == previousDay ? step + 1 : 0
        previousDay = review.day
        let time = start.addingTimeInterval(Double(review.day) * 86_400 + Double(step) * 1_800 + Double(card % 600))
        records.append(ReviewEvent(time: time, rating: review.rating))
      }
      return CardHistory(cardID: String(card), reviews: records)
    }
  }
}
