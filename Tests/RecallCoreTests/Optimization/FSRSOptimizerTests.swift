import Foundation
import Testing

@testable import RecallCore

@Suite("FSRS optimizer")
struct FSRSOptimizerTests {
  static let days = SchedulingDay(dayStartHour: 0, timeZone: OptimizationTestData.utc)
  static let configuration = FSRSOptimizerConfiguration(days: days)
  /// A learner unlike the defaults: other initial stabilities and a steeper forgetting curve.
  static let truth = OptimizationTestData.weights(replacing: [
    0: 0.5, 1: 2.0, 2: 5.0, 3: 15.0, 20: 0.3,
  ])
  static let histories = OptimizationTestData.simulatedHistories(
    truth: truth, cards: 1_200, days: 240, seed: 5)

  @Test("lowers in-sample loss and recovers what the data identifies")
  func recovers() throws {
    let result = FSRSOptimizer.fit(histories: Self.histories, configuration: Self.configuration)
    #expect(result.reason == nil)
    let logLoss = try #require(result.logLoss)
    let defaultLogLoss = try #require(result.defaultLogLoss)
    #expect(logLoss < defaultLogLoss - 0.002)
    #expect(try #require(result.rmseBins) < #require(result.defaultRmseBins))
    // Initial stabilities are read off the first intervals directly.
    for index in 0..<4 {
      let ratio = result.parameters[index] / Self.truth[index]
      #expect(ratio > 0.6 && ratio < 1.6, "w\(index) = \(result.parameters[index]), true \(Self.truth[index])")
    }
    // The decay moves from the default 0.1542 towards the true 0.3 (the L2 pull keeps it short).
    #expect(result.parameters[20] > 0.19)
    // Predicted recall is what matters; weights that trade off against each other may differ.
    let items = FSRSItemBuilder.items(from: Self.histories, days: Self.days)
    let fitted = FSRSMetrics.predictions(parameters: result.parameters, items: items)
    let real = FSRSMetrics.predictions(parameters: Self.truth, items: items)
    let gap = zip(fitted, real).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(items.count)
    #expect(gap < 0.015)
  }

  @Test("the same seed gives the same weights; another seed another batch order")
  func deterministic() {
    let first = FSRSOptimizer.fit(histories: Self.histories, configuration: Self.configuration)
    let second = FSRSOptimizer.fit(histories: Self.histories, configuration: Self.configuration)
    #expect(first.parameters == second.parameters)
    #expect(first.logLoss == second.logLoss)
    var other = Self.configuration
    other.seed = 7
    #expect(FSRSOptimizer.fit(histories: Self.histories, configuration: other).parameters != first.parameters)
  }

  @Test("without short-term training, w17…w19 stay 0")
  func withoutShortTerm() {
    var configuration = Self.configuration
    configuration.trainsShortTerm = false
    let result = FSRSOptimizer.fit(histories: Self.histories, configuration: configuration)
    #expect(result.reason == nil)
    #expect(Array(result.parameters.weights[17...19]) == [0, 0, 0])
  }

  @Test("no usable reviews: defaults and a reason")
  func noItems() {
    let sameDay = CardHistory(
      cardID: "a",
      reviews: [
        ReviewEvent(time: OptimizationTestData.epoch, rating: .again),
        ReviewEvent(time: OptimizationTestData.epoch.addingTimeInterval(600), rating: .good),
      ])
    for histories in [[], [sameDay]] {
      let result = FSRSOptimizer.fit(histories: histories, configuration: Self.configuration)
      #expect(result.parameters == .default)
      #expect(result.reason == .noItems)
      #expect(result.items == 0)
      #expect(result.logLoss == nil)
      #expect(result.reason?.description.contains("nothing to learn from") == true)
    }
  }

  @Test("fewer than 8 items: defaults and a reason")
  func tooFewItems() {
    let items = OptimizationTestData.items([[(3, 0), (3, 1), (3, 3)], [(1, 0), (3, 1)], [(3, 0), (1, 2)]])
    var unfiltered = Self.configuration
    unfiltered.filtersOutliers = false
    let result = FSRSOptimizer.fit(items: items, configuration: unfiltered)
    #expect(result.parameters == .default)
    #expect(result.reason == .tooFewItems(count: 4, minimum: 8))
    #expect(result.items == 4)
    #expect(result.logLoss != nil)
    // fsrs-rs' filter drops first-interval groups smaller than 20 items: here all of them.
    let filtered = FSRSOptimizer.fit(items: items, configuration: Self.configuration)
    #expect(filtered.reason == .tooFewItems(count: 0, minimum: 8))
  }

  @Test("only first intervals: initial stabilities fitted, the rest default")
  func initialStabilitiesOnly() throws {
    // 100 cards with one review a day later: enough to pre-train w0…w3, nothing to descend on.
    var histories: [[(Int, Int)]] = []
    for card in 0..<100 {
      histories.append([(card % 4 == 0 ? 1 : 3, 0), (card % 5 == 0 ? 1 : 3, 1)])
    }
    let result = FSRSOptimizer.fit(
      items: OptimizationTestData.items(histories), configuration: Self.configuration)
    #expect(result.reason == .initialStabilitiesOnly(count: 100, minimum: 64))
    #expect(Array(result.parameters.weights[4...]) == Array(FSRSParameters.default.weights[4...]))
    #expect(result.parameters[0] != FSRSParameters.default[0])
  }

  @Test("pre-training matches fsrs-rs (outlier filter, ternary search, smooth and fill)")
  func initialStabilityMatchesFSRSRS() throws {
    let fixture = try OptimizerFixture.load()
    let items = fixture.items.enumerated().map { index, item in
      FSRSItem(
        cardID: item.cardId, time: Date(timeIntervalSince1970: Double(index)),
        reviews: OptimizationTestData.reviews(item.reviews.map { ($0[0], $0[1]) })[...])
    }
    let singles = items.filter { $0.longTermReviewCount == 1 }
    #expect(singles.count == fixture.initialStability.singleLongTermItems)
    let result = FSRSOptimizer.fit(items: singles, configuration: Self.configuration)
    if case .initialStabilitiesOnly = result.reason {
    } else {
      Issue.record("expected only initial stabilities, got \(String(describing: result.reason))")
    }
    for index in 0..<4 {
      // fsrs-rs works in f32.
      #expect(
        abs(result.parameters[index] - fixture.initialStability.parameters[index])
          <= 1e-5 * fixture.initialStability.parameters[index],
        "w\(index): \(result.parameters[index]) vs \(fixture.initialStability.parameters[index])")
    }
  }

  @Test("smooth and fill: fsrs-rs' own examples")
  func smoothAndFill() throws {
    let filled = try #require(
      InitialStability.smoothAndFill(
        [.again: 0.4, .good: 2.3, .easy: 10.9], counts: [.again: 1, .hard: 1, .good: 1, .easy: 1]))
    let expected = [0.4, 1.1227008, 2.3, 10.9]
    for (value, reference) in zip(filled, expected) { #expect(abs(value - reference) < 1e-6) }
    let scaled = try #require(InitialStability.smoothAndFill([.hard: 0.35], counts: [.hard: 1]))
    for (value, reference) in zip(scaled, [0.05738148, 0.35, 0.6242943, 2.2453482]) {
      #expect(abs(value - reference) < 1e-6)
    }
    #expect(InitialStability.smoothAndFill([:], counts: [:]) == nil)
  }

  @Test("clipping keeps every weight in bounds, w19 ≥ 0.01 with short-term training")
  func clipping() {
    var weights = [Double](repeating: -5, count: 21)
    ParameterClipper(relearningSteps: 1, shortTerm: true).clip(&weights)
    #expect(weights == FSRSParameters.lowerBounds.enumerated().map { $0.offset == 19 ? 0.01 : $0.element })
    weights = [Double](repeating: 500, count: 21)
    ParameterClipper(relearningSteps: 1, shortTerm: false).clip(&weights)
    #expect(weights == FSRSParameters.upperBounds)
    // fsrs-rs: with 2 relearning steps the default w17…w19 stay as they are.
    weights = FSRSParameters.default.weights
    ParameterClipper(relearningSteps: 2, shortTerm: true).clip(&weights)
    #expect(weights == FSRSParameters.default.weights)
  }

  @Test("cosine annealing: lr₀ · (1 + cos(π k / T)) / 2")
  func cosine() {
    var schedule = CosineAnnealing(initialRate: 0.1, totalSteps: 100_000)
    var rates: [Double] = []
    for _ in 0...100_000 { rates.append(schedule.next()) }
    // fsrs-rs cosine_annealing.rs test values, every 20,000 steps from the first.
    for (k, expected) in [
      0.1, 0.09045084971874785, 0.06545084971874875, 0.034549150281253875, 0.009549150281252989, 0.0,
    ].enumerated() {
      #expect(abs(rates[k * 20_000] - expected) < 1e-5)
    }
  }
}
