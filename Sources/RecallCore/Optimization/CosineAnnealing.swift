import Foundation

/// Cosine annealing from the initial learning rate to 0 over `totalSteps` steps (fsrs-rs
/// `CosineAnnealingLR`, whose recursive form equals the closed form used here): step `k` (from
/// 1) uses lr₀ · (1 + cos(π k / T)) / 2.
struct CosineAnnealing {
  let initialRate: Double
  let totalSteps: Double
  private var step = 0.0

  init(initialRate: Double, totalSteps: Int) {
    self.initialRate = initialRate
    self.totalSteps = Double(totalSteps)
  }

  mutating func next() -> Double {
    step += 1
    return initialRate * (1 + cos(Double.pi * step / totalSteps)) / 2
  }
}
