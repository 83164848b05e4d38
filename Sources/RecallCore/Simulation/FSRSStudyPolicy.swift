import Foundation

/// Plain FSRS scheduling for simulations, the way Anki runs it: a card is due when its predicted
/// recall falls to the desired retention; each day the due cards are studied, most overdue first,
/// up to a review limit, then new cards up to the new-card limit and whatever the review limit
/// leaves (Anki's default of new cards counting against the review limit).
///
/// The scheduler's memory states come from its own weights, which may differ from the learner's.
/// Optional interval noise multiplies every interval by a uniform factor: real logs contain
/// early and late reviews, and without that spread a fit cannot tell some weights apart.
public struct FSRSStudyPolicy: StudyPolicy {
  /// The scheduler's memory model.
  public let model: FSRSModel
  /// The recall probability at which a card falls due.
  public let desiredRetention: Double
  /// New cards introduced per day at most.
  public let newCardsPerDay: Int
  /// Cards studied per day at most, new ones included.
  public let maximumCardsPerDay: Int
  /// Each interval is multiplied by a uniform factor from this range, if set.
  public let intervalNoise: ClosedRange<Double>?

  private var states: [MemoryState?]
  private var lastDay: [Int]
  private var due: [Int: [Int]] = [:]
  private var overdue: [Int] = []
  private var nextNew = 0
  private var random: SeededRandom

  /// Creates the policy for `cardCount` new cards.
  public init(
    parameters: FSRSParameters = .default, desiredRetention: Double = 0.9, newCardsPerDay: Int,
    maximumCardsPerDay: Int = .max, cardCount: Int, intervalNoise: ClosedRange<Double>? = nil,
    seed: UInt64 = 0
  ) {
    model = FSRSModel(parameters: parameters)
    self.desiredRetention = desiredRetention
    self.newCardsPerDay = newCardsPerDay
    self.maximumCardsPerDay = maximumCardsPerDay
    self.intervalNoise = intervalNoise
    states = Array(repeating: nil, count: cardCount)
    lastDay = Array(repeating: 0, count: cardCount)
    random = SeededRandom(seed: seed)
  }

  /// Overdue cards, then today's due cards (in the order they were scheduled), then new cards.
  public mutating func cardsToStudy(on day: Int) -> [Int] {
    var pending = overdue
    // Cards due on days the simulator skipped, then today's.
    for key in due.keys.filter({ $0 <= day }).sorted() {
      pending += due.removeValue(forKey: key) ?? []
    }
    let reviews = Array(pending.prefix(maximumCardsPerDay))
    overdue = Array(pending.dropFirst(maximumCardsPerDay))
    let newCount = max(0, min(newCardsPerDay, maximumCardsPerDay - reviews.count, states.count - nextNew))
    let new = Array(nextNew..<nextNew + newCount)
    nextNew += newCount
    return reviews + new
  }

  /// Updates the scheduler's memory state and sets the next due day.
  public mutating func record(card: Int, day: Int, ratings: [Rating]) {
    var state = states[card]
    for (index, rating) in ratings.enumerated() {
      let elapsed = state == nil || index > 0 ? 0 : day - lastDay[card]
      state = model.nextState(state, rating: rating, elapsedDays: elapsed)
    }
    states[card] = state
    lastDay[card] = day
    var interval = model.intervalDays(stability: state!.stability, desiredRetention: desiredRetention)
    if let intervalNoise {
      interval *= intervalNoise.lowerBound + random.nextUnit() * (intervalNoise.upperBound - intervalNoise.lowerBound)
    }
    let days = max(1, Int(min(interval, 36_500).rounded()))
    due[day + days, default: []].append(card)
  }
}
