import Foundation

/// Adam (Kingma and Ba, 2015) with fsrs-rs' settings: β1 0.9, β2 0.999, ε 1e-8, bias correction.
struct AdamOptimizer {
  private var m: [Double]
  private var v: [Double]
  private var steps = 0
  private let beta1 = 0.9
  private let beta2 = 0.999
  private let epsilon = 1e-8

  init(count: Int) {
    m = Array(repeating: 0, count: count)
    v = Array(repeating: 0, count: count)
  }

  mutating func step(_ parameters: inout [Double], gradient: [Double], learningRate: Double) {
    steps += 1
    let correction1 = 1 - pow(beta1, Double(steps))
    let correction2 = 1 - pow(beta2, Double(steps))
    for i in parameters.indices {
      m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
      v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
      parameters[i] -= learningRate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
    }
  }
}
