import Foundation
import Testing

@testable import RecallCore

@Suite("Evaluation metrics")
struct FSRSMetricsTests {
  @Test("log loss: mean of −ln p for passes and −ln(1 − p) for lapses")
  func logLoss() {
    let value = FSRSMetrics.logLoss(predictions: [0.9, 0.2, 0.6], outcomes: [true, false, false])
    #expect(abs(value - -(log(0.9) + log(0.8) + log(0.4)) / 3) < 1e-15)
    let weighted = FSRSMetrics.logLoss(
      predictions: [0.9, 0.2], outcomes: [true, false], weights: [1, 3])
    #expect(abs(weighted - -(log(0.9) + 3 * log(0.8)) / 4) < 1e-15)
    // A certain, wrong prediction is clamped to 1e-7 rather than infinite.
    let clamped = FSRSMetrics.logLoss(predictions: [1], outcomes: [false])
    #expect(abs(clamped - -log(1e-7)) < 1e-9)
  }

  @Test("AUC: share of pass–lapse pairs ranked right, ties half")
  func auc() {
    // Passes 0.9, 0.6, 0.4; lapses 0.6, 0.2: pairs (0.9>0.6) (0.9>0.2) (0.6=0.6 → ½) (0.6>0.2)
    // (0.4<0.6) (0.4>0.2) → 4.5 of 6.
    let value = FSRSMetrics.auc(
      predictions: [0.9, 0.6, 0.4, 0.6, 0.2], outcomes: [true, true, true, false, false])
    #expect(value == 0.75)
    #expect(FSRSMetrics.auc(predictions: [0.1, 0.9], outcomes: [false, true]) == 1)
    #expect(FSRSMetrics.auc(predictions: [0.5, 0.7], outcomes: [true, true]) == nil)
  }

  @Test("RMSE(bins): count-weighted gap between mean prediction and recall rate per bin")
  func rmseBins() {
    let a = RMSEBin(elapsedDays: 1, longTermReviews: 1, lapses: 0)
    let b = RMSEBin(elapsedDays: 30, longTermReviews: 4, lapses: 1)
    // Bin a: predictions 0.9, 0.7 (mean 0.8), outcomes pass, pass (1.0): gap −0.2, 2 items.
    // Bin b: prediction 0.5, lapse: gap 0.5, 1 item. √((2·0.04 + 0.25) / 3).
    let value = FSRSMetrics.rmseBins(
      predictions: [0.9, 0.7, 0.5], outcomes: [true, true, false], bins: [a, a, b])
    #expect(abs(value - ((2 * 0.04 + 0.25) / 3).squareRoot()) < 1e-15)
  }

  @Test(
    "bins follow srs-benchmark's logarithmic edges",
    arguments: [
      // (elapsed, long-term reviews, lapses) → (round(2.48·3.62^k·100), round(1.99·1.89^m), round(1.65·1.73^n))
      ((1, 1, 0), (248, 4, 0)),  // k = 0, m = ⌊log₁.₈₉ 2⌋ = 1, no lapse
      ((3, 1, 0), (248, 4, 0)),  // 3 < 3.62
      ((4, 2, 1), (898, 4, 2)),  // k = 1 → 897.76; m = ⌊log₁.₈₉ 3⌋ = 1; n = 0 → 1.65
      ((14, 3, 2), (3250, 7, 3)),  // 14 ≥ 3.62² = 13.10 → 3249.9; 4 ≥ 1.89² = 3.57 → 7.11; 2 ≥ 1.73 → 2.85
    ])
  func binEdges(input: (Int, Int, Int), expected: (Int, Int, Int)) {
    let bin = RMSEBin(elapsedDays: input.0, longTermReviews: input.1, lapses: input.2)
    #expect(bin.elapsedDays == expected.0)
    #expect(bin.length == expected.1)
    #expect(bin.lapses == expected.2)
  }

  @Test("an item's bin counts long-term reviews and earlier lapses after the first day")
  func itemBin() {
    // Same-day Again (elapsed 0) is not a lapse; the target's own Again is not counted.
    let reviews = OptimizationTestData.reviews([(1, 0), (1, 0), (3, 2), (1, 5), (3, 0), (1, 4)])
    let item = FSRSItem(cardID: "c", time: .now, reviews: reviews[...])
    #expect(RMSEBin(item: item) == RMSEBin(elapsedDays: 4, longTermReviews: 3, lapses: 1))
  }

  @Test("items that do not share a history are predicted on their own")
  func unsharedItems() throws {
    let a = OptimizationTestData.reviews([(3, 0), (3, 2), (1, 5), (3, 4)])
    let b = OptimizationTestData.reviews([(1, 0), (3, 0), (3, 1), (3, 3)])
    // Same card ID, different histories, and a duplicate.
    let items = [
      FSRSItem(cardID: "x", time: .now, reviews: a[...1]),
      FSRSItem(cardID: "x", time: .now, reviews: b[...3]),
      FSRSItem(cardID: "x", time: .now, reviews: a[...3]),
      FSRSItem(cardID: "x", time: .now, reviews: Array(a[...1])[...]),
      FSRSItem(cardID: "x", time: .now, reviews: b[...2]),
    ]
    let model = FSRSModel(parameters: .default)
    let expected = items.map { FSRSMetrics.predict(model, $0.reviews) }
    #expect(FSRSMetrics.predictions(parameters: .default, items: items) == expected)
    // The training loss sees the same five targets.
    var crossEntropy = 0.0
    for (item, prediction) in zip(items, expected) {
      crossEntropy -= item.recalled ? log(prediction) : log(1 - prediction)
    }
    let set = TrainingSet(items: items, weights: Array(repeating: 1, count: items.count))
    #expect(set.targetCount == 5)
    #expect(abs(OptimizationTestData.loss(set, FSRSParameters.default.weights) - crossEntropy) < 1e-9)
  }

  @Test("fsrs-rs evaluate: recency-weighted log loss and RMSE(bins) on its own items")
  func matchesFSRSRS() throws {
    let fixture = try OptimizerFixture.load()
    let items = fixture.items.enumerated().map { index, item in
      FSRSItem(
        cardID: item.cardId, time: Date(timeIntervalSince1970: Double(index)),
        reviews: OptimizationTestData.reviews(item.reviews.map { ($0[0], $0[1]) })[...])
    }
    let last = Double(items.count - 1)
    let weights = items.indices.map { 0.25 + 0.75 * pow(Double($0) / last, 3) }
    let outcomes = items.map(\.recalled)
    let bins = items.map(RMSEBin.init(item:))
    for evaluation in fixture.evaluations {
      let predictions = FSRSMetrics.predictions(
        parameters: try FSRSParameters(
          evaluation.parameters.enumerated().map {
            min(max($0.element, FSRSParameters.lowerBounds[$0.offset]), FSRSParameters.upperBounds[$0.offset])
          }),
        items: items)
      let logLoss = FSRSMetrics.logLoss(predictions: predictions, outcomes: outcomes, weights: weights)
      let rmse = FSRSMetrics.rmseBins(
        predictions: predictions, outcomes: outcomes, bins: bins, weights: weights)
      // fsrs-rs computes in f32.
      #expect(abs(logLoss - evaluation.logLoss) < 2e-5, "log loss \(logLoss) vs \(evaluation.logLoss)")
      #expect(abs(rmse - evaluation.rmseBins) < 2e-5, "RMSE(bins) \(rmse) vs \(evaluation.rmseBins)")
    }
  }
}
