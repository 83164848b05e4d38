import Foundation

@testable import RecallCore

/// Small hand-made inputs shared by the optimization tests.
enum OptimizationTestData {
  static let utc = TimeZone(identifier: "UTC")!
  static let epoch = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01 00:00 UTC

  /// Reviews given as (rating, elapsed days).
  static func reviews(_ pairs: [(Int, Int)]) -> [FSRSReview] {
    pairs.map { FSRSReview(rating: Rating(rawValue: $0.0)!, elapsedDays: $0.1) }
  }

  /// One item per long-term review of each history, as the builder would make them.
  static func items(_ histories: [[(Int, Int)]]) -> [FSRSItem] {
    var items: [FSRSItem] = []
    for (card, history) in histories.enumerated() {
      let all = reviews(history)
      for index in all.indices.dropFirst() where all[index].elapsedDays > 0 {
        items.append(
          FSRSItem(
            cardID: "c\(card)", time: epoch.addingTimeInterval(Double(items.count)),
            reviews: all[...index]))
      }
    }
    return items
  }

  /// Histories with same-day steps, lapses and every rating.
  static let mixedHistories: [[(Int, Int)]] = [
    [(3, 0), (3, 2), (1, 5), (3, 0), (3, 3), (2, 7), (4, 12)],
    [(1, 0), (1, 0), (3, 0), (3, 1), (1, 3), (3, 1), (3, 4)],
    [(4, 0), (3, 8), (3, 20), (1, 60), (2, 0), (3, 2)],
    [(2, 0), (2, 1), (2, 2), (3, 4), (3, 9)],
  ]

  /// Total analytic loss (and gradient) of a training set.
  static func loss(
    _ set: TrainingSet, _ weights: [Double], gradient: UnsafeMutablePointer<Double>? = nil
  ) -> Double {
    let model = AnalyticGradient(weights: weights)
    let workspace = AnalyticGradient.Workspace(capacity: set.longestCard)
    var total = 0.0
    for card in 0..<set.cardCount {
      total += model.cardLoss(set, card: card, workspace: workspace, gradient: gradient)
    }
    return total
  }

  /// A simulated learner's histories: `cards` cards over `days` days, FSRS at 90 % with noisy
  /// intervals, as review logs starting at `epoch` (days start at 00:00 UTC).
  static func simulatedHistories(
    truth: FSRSParameters, cards: Int, days: Int, seed: UInt64
  ) -> [CardHistory] {
    var policy = FSRSStudyPolicy(
      newCardsPerDay: max(1, cards / max(1, days / 2)), cardCount: cards,
      intervalNoise: 0.5...2.5, seed: seed)
    let result = ReviewSimulator.run(
      learner: SimulatedLearner(parameters: truth), cardCount: cards, days: days, policy: &policy,
      seed: seed &+ 1)
    return result.cardHistories(startingAt: epoch)
  }

  static func weights(replacing changes: [Int: Double]) -> FSRSParameters {
    var weights = FSRSParameters.default.weights
    for (index, value) in changes { weights[index] = value }
    return try! FSRSParameters(weights)
  }
}
