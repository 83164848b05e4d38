import Foundation
import Testing

@testable import RecallCore

@Suite("Analytic gradient")
struct AnalyticGradientTests {
  static let weightVectors: [[Double]] = [
    FSRSParameters.default.weights,
    [0.5, 2.0, 5.0, 15.0, 6.0, 0.6, 2.5, 0.05, 1.5, 0.2, 1.0, 1.8, 0.1, 0.3, 1.2, 0.5, 2.5, 0.4, 0.3, 0.2, 0.3],
    // Lapse floor active (large w17·w18) and a high decay.
    [1.0, 3.0, 8.0, 30.0, 7.0, 1.2, 1.0, 0.3, 2.3, 0.05, 2.0, 3.0, 0.2, 0.8, 2.5, 0.9, 4.0, 1.5, 1.2, 0.7, 0.7],
  ]

  @Test("gradient matches central finite differences", arguments: weightVectors)
  func finiteDifferences(weights: [Double]) {
    let items = OptimizationTestData.items(OptimizationTestData.mixedHistories)
    let set = TrainingSet(
      items: items, weights: items.indices.map { 0.3 + 0.1 * Double($0 % 7) })
    var analytic = [Double](repeating: 0, count: 21)
    _ = analytic.withUnsafeMutableBufferPointer {
      OptimizationTestData.loss(set, weights, gradient: $0.baseAddress!)
    }
    for index in 0..<21 {
      let step = max(abs(weights[index]) * 1e-6, 1e-8)
      var plus = weights
      var minus = weights
      plus[index] += step
      minus[index] -= step
      let numeric =
        (OptimizationTestData.loss(set, plus) - OptimizationTestData.loss(set, minus)) / (2 * step)
      let scale = max(abs(numeric), abs(analytic[index]), 1e-3)
      #expect(
        abs(numeric - analytic[index]) / scale < 1e-5,
        "w\(index): analytic \(analytic[index]), numeric \(numeric)")
    }
  }

  @Test("one pass per card equals the sum over separate items")
  func windowedEqualsPerItem() {
    let items = OptimizationTestData.items(OptimizationTestData.mixedHistories)
    let weights = FSRSParameters.default.weights
    var together = [Double](repeating: 0, count: 21)
    let togetherLoss = together.withUnsafeMutableBufferPointer {
      OptimizationTestData.loss(
        TrainingSet(items: items, weights: Array(repeating: 1, count: items.count)), weights,
        gradient: $0.baseAddress!)
    }
    var separate = [Double](repeating: 0, count: 21)
    var separateLoss = 0.0
    for item in items {
      separateLoss += separate.withUnsafeMutableBufferPointer {
        OptimizationTestData.loss(
          TrainingSet(items: [item], weights: [1]), weights, gradient: $0.baseAddress!)
      }
    }
    #expect(abs(togetherLoss - separateLoss) < 1e-12)
    for index in 0..<21 {
      #expect(abs(together[index] - separate[index]) < 1e-9 * max(1, abs(separate[index])))
    }
  }

  @Test("training forward pass predicts what FSRSModel predicts")
  func agreesWithModel() throws {
    let items = OptimizationTestData.items(OptimizationTestData.mixedHistories)
    for weights in Self.weightVectors {
      let parameters = try FSRSParameters(weights)
      let predictions = FSRSMetrics.predictions(parameters: parameters, items: items)
      // Cross-entropy from FSRSModel's predictions, item by item.
      var expected = 0.0
      for (item, prediction) in zip(items, predictions) {
        expected -= item.recalled ? log(prediction) : log(1 - prediction)
      }
      let set = TrainingSet(items: items, weights: Array(repeating: 1, count: items.count))
      #expect(abs(OptimizationTestData.loss(set, weights) - expected) < 1e-9 * expected)
    }
  }
}
