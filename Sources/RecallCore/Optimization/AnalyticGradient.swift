import Foundation

/// The training loss of FSRS-6 and its exact gradient with respect to the 21 weights: a port of
/// fsrs-rs `src/analytic.rs` (hand-derived backpropagation, no autodiff) to Double.
///
/// The forward pass is the memory model of ``FSRSModel`` written out step by step, because the
/// backward pass needs the intermediate values of every step and the branch each one took; with
/// the same input it gives the same states (a test checks that). Like fsrs-rs it clamps stability
/// to [0.001, 36500] and difficulty to [1, 10] at the start of each step, and treats every clamp
/// and `min`/`max` as a hard switch whose inactive side gets no gradient.
struct AnalyticGradient {
  static let minimumStability = FSRSModel.minimumStability
  static let maximumStability = 36_500.0
  static let minimumDifficulty = FSRSModel.minimumDifficulty
  static let maximumDifficulty = FSRSModel.maximumDifficulty
  /// fsrs-rs clamps predictions to [1e-7, 1 − 1e-7] inside the cross-entropy.
  static let minimumProbability = 1e-7
  static let maximumProbability = 1 - 1e-7
  private static let lnNinety = log(0.9)

  let w: [Double]
  // Per-weight-vector constants, computed once per batch instead of once per review.
  private let decay: Double
  private let factor: Double
  private let expW8: Double
  private let failureFloorDivisor: Double
  private let shortTermFactor: [Double]
  private let initialDifficulty: [Double]
  private let easyDifficulty: Double
  private let exp3W5: Double
  /// d(factor)/d(decay), for the w20 gradient.
  private let factorSlope: Double

  init(weights: [Double]) {
    w = weights
    decay = -weights[20]
    factor = exp(Self.lnNinety / decay) - 1
    expW8 = exp(weights[8])
    failureFloorDivisor = exp(weights[17] * weights[18])
    shortTermFactor = (0...4).map { exp(weights[17] * (Double($0) - 3 + weights[18])) }
    initialDifficulty = (0...4).map { weights[4] - exp(weights[5] * Double(max($0 - 1, 0))) + 1 }
    easyDifficulty = weights[4] - exp(3 * weights[5]) + 1
    exp3W5 = exp(3 * weights[5])
    factorSlope = exp(Self.lnNinety / decay) * (-Self.lnNinety / (decay * decay))
  }

  /// What the backward pass needs to know about one step.
  fileprivate struct Step {
    var stateS = 0.0
    var stateD = 0.0
    var lastS = 0.0
    var lastD = 0.0
    var elapsed = 0.0
    var base = 1.0
    var retrievability = 1.0
    var preClampS = 0.0
    var meanD = 0.0
    var rating: Int32 = 0
    var lossGradient = 0.0
    // Branch-specific intermediates (see `forward`).
    var a = 0.0
    var b = 0.0
    var c = 0.0
    var logS = 0.0
    var logBase = 0.0
    var logD = 0.0
    var logSPlusOne = 0.0
    var flag = false
    var first = false
  }

  /// Scratch space for one card, reused across cards to avoid allocations in the hot loop.
  final class Workspace {
    fileprivate var steps: [Step]
    init(capacity: Int) {
      steps = Array(repeating: Step(), count: max(capacity, 1))
    }
  }

  @inline(__always)
  private static func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double {
    Swift.min(Swift.max(x, low), high)
  }

  /// 1 strictly inside (low, high), else 0: fsrs-rs `clamp_grad`.
  @inline(__always)
  private static func inside(_ x: Double, _ low: Double, _ high: Double) -> Double {
    x > low && x < high ? 1 : 0
  }

  /// Weighted binary cross-entropy of one prediction and its derivative with respect to the raw
  /// prediction (zero where the probability clamp is active).
  @inline(__always)
  static func crossEntropy(_ raw: Double, label: Double, weight: Double) -> (
    loss: Double, gradient: Double
  ) {
    let r = clamp(raw, minimumProbability, maximumProbability)
    // Labels are 0 or 1, so only one of fsrs-rs' two logarithms is ever non-zero.
    let loss = -log(label == 1 ? r : 1 - r) * weight
    let gradient =
      raw > minimumProbability && raw < maximumProbability
      ? -weight * (label / r - (1 - label) / (1 - r)) : 0
    return (loss, gradient)
  }

  /// Sum of the weighted cross-entropies of a card's targets, and, when `gradient` is given, the
  /// gradient of that sum added into it.
  func cardLoss(
    _ set: TrainingSet, card: Int, workspace: Workspace, gradient: UnsafeMutablePointer<Double>?
  ) -> Double {
    let start = set.cardStarts[card]
    let count = set.cardStarts[card + 1] - start
    return set.elapsedDays.withUnsafeBufferPointer { elapsed in
      set.ratings.withUnsafeBufferPointer { ratings in
        set.labels.withUnsafeBufferPointer { labels in
          set.weights.withUnsafeBufferPointer { weights in
            workspace.steps.withUnsafeMutableBufferPointer { steps in
              var loss = 0.0
              var s = 0.0
              var d = 0.0
              for t in 0..<count {
                let index = start + t
                forward(
                  &steps[t], s: &s, d: &d, elapsed: elapsed[index], rating: ratings[index],
                  first: t == 0)
                let weight = weights[index]
                if t > 0 && weight > 0 {
                  let (stepLoss, stepGradient) = Self.crossEntropy(
                    steps[t].retrievability, label: labels[index], weight: weight)
                  loss += stepLoss
                  steps[t].lossGradient = stepGradient
                } else {
                  steps[t].lossGradient = 0
                }
              }
              if let gradient {
                var gS = 0.0
                var gD = 0.0
                for t in stride(from: count - 1, through: 0, by: -1) {
                  (gS, gD) = backward(steps[t], gS: gS, gD: gD, into: gradient)
                }
              }
              return loss
            }
          }
        }
      }
    }
  }

  /// One review: updates the state (`s`, `d`) and records what the backward pass needs.
  @inline(__always)
  private func forward(
    _ step: inout Step, s: inout Double, d: inout Double, elapsed: Double, rating: Int32,
    first: Bool
  ) {
    step.stateS = s
    step.stateD = d
    step.rating = rating
    step.elapsed = elapsed
    if first {
      // fsrs-rs selects the initial state when the first review meets the zero state.
      let newS = w[Int(rating) - 1]
      step.preClampS = newS
      step.meanD = initialDifficulty[Int(rating)]
      s = Self.clamp(newS, Self.minimumStability, Self.maximumStability)
      d = Self.clamp(step.meanD, Self.minimumDifficulty, Self.maximumDifficulty)
      step.retrievability = 1
      step.first = true
      return
    }
    step.first = false
    step.flag = false
    let lastS = Self.clamp(s, Self.minimumStability, Self.maximumStability)
    let lastD = Self.clamp(d, Self.minimumDifficulty, Self.maximumDifficulty)
    step.lastS = lastS
    step.lastD = lastD
    var r = 1.0
    var base = 1.0
    var logBase = 0.0
    if elapsed > 0 {
      base = elapsed / lastS * factor + 1
      logBase = log(base)
      r = exp(decay * logBase)
    }
    step.base = base
    step.logBase = logBase
    step.retrievability = r
    let logS = log(lastS)
    step.logS = logS

    let newS: Double
    if elapsed == 0 {
      // Same-day review: S · e^(w17·(G − 3 + w18)) · S^(−w19), floored at S unless Again.
      let raw = shortTermFactor[Int(rating)] * exp(-w[19] * logS)
      let value = rating >= 2 ? Swift.max(raw, 1) : raw
      step.a = raw
      step.b = value
      step.flag = !(rating >= 2 && raw < 1)
      newS = lastS * value
    } else if rating == 1 {
      step.logD = log(lastD)
      step.logSPlusOne = log(lastS + 1)
      let dPower = exp(-w[12] * step.logD)
      let sPower = exp(w[13] * step.logSPlusOne)
      let recallTerm = exp((1 - r) * w[14])
      let raw = w[11] * dPower * (sPower - 1) * recallTerm
      let floor = lastS / failureFloorDivisor
      step.flag = floor < raw
      step.a = raw
      step.b = dPower * recallTerm * sPower
      step.c = floor
      newS = step.flag ? floor : raw
    } else {
      let hardPenalty = rating == 2 ? w[15] : 1
      let easyBonus = rating == 4 ? w[16] : 1
      let sPower = exp(-w[9] * logS)
      let recallTerm = exp((1 - r) * w[10])
      let increase = expW8 * (11 - lastD) * sPower * (recallTerm - 1) * hardPenalty * easyBonus
      step.a = sPower
      step.b = recallTerm
      step.c = increase
      newS = lastS * (increase + 1)
    }

    let deltaD = -w[6] * (Double(rating) - 3)
    let nextD = lastD + (10 - lastD) * deltaD / 9
    let meanD = w[7] * (easyDifficulty - nextD) + nextD
    step.meanD = meanD
    step.preClampS = newS
    s = Self.clamp(newS, Self.minimumStability, Self.maximumStability)
    d = Self.clamp(meanD, Self.minimumDifficulty, Self.maximumDifficulty)
  }

  /// Backpropagates through one step: takes dL/d(state after) and returns dL/d(state before),
  /// adding the weight gradients into `g`.
  @inline(__always)
  private func backward(
    _ step: Step, gS gOutS: Double, gD gOutD: Double, into g: UnsafeMutablePointer<Double>
  ) -> (Double, Double) {
    let gPreS =
      gOutS * Self.inside(step.preClampS, Self.minimumStability, Self.maximumStability)
    let rating = Double(step.rating)
    if step.first {
      // First review: S0 = w[G − 1], D0 = w4 − e^(w5·(G − 1)) + 1 (clamped).
      let ratingIndex = Int(step.rating)
      g[ratingIndex - 1] += gPreS
      let gRawD =
        gOutD * Self.inside(step.meanD, Self.minimumDifficulty, Self.maximumDifficulty)
      if gRawD != 0 {
        let offset = Double(ratingIndex - 1)
        g[4] += gRawD
        g[5] += gRawD * -offset * exp(offset * w[5])
      }
      return (0, 0)
    }

    let s = step.lastS
    let d = step.lastD
    let r = step.retrievability
    var gLastS = 0.0
    var gLastD = 0.0
    var gR = step.lossGradient

    if gPreS != 0 {
      if step.elapsed == 0 {
        // Same-day branch.
        gLastS += gPreS * step.b
        if step.flag {
          let gRaw = gPreS * s
          let raw = step.a
          g[17] += gRaw * raw * (rating - 3 + w[18])
          g[18] += gRaw * raw * w[17]
          g[19] += gRaw * raw * -step.logS
          gLastS += gRaw * raw * (-w[19] / s)
        }
      } else if step.rating == 1 {
        if step.flag {
          // The floor S / e^(w17·w18) was lower than the lapse formula.
          let floor = step.c
          g[17] += gPreS * floor * -w[18]
          g[18] += gPreS * floor * -w[17]
          gLastS += gPreS * floor / s
        } else {
          let raw = step.a
          let sPlusOne = s + 1
          g[11] += gPreS * raw / w[11]
          g[12] += gPreS * raw * -step.logD
          g[13] += gPreS * w[11] * step.b * step.logSPlusOne
          g[14] += gPreS * raw * (1 - r)
          gLastS += gPreS * w[11] * step.b * w[13] / sPlusOne
          gLastD += gPreS * raw * (-w[12] / d)
          gR += gPreS * raw * -w[14]
        }
      } else {
        let hardPenalty = step.rating == 2 ? w[15] : 1
        let easyBonus = step.rating == 4 ? w[16] : 1
        let sPower = step.a
        let recallTerm = step.b
        let increase = step.c
        let e = recallTerm - 1
        let gIncrease = gPreS * s
        let common = gIncrease * expW8 * sPower * hardPenalty * easyBonus
        gLastS += gPreS * (increase + 1) + gIncrease * increase * (-w[9] / s)
        gLastD += -common * e
        gR += common * (11 - d) * (-w[10] * recallTerm)
        g[8] += gIncrease * increase
        g[9] += gIncrease * increase * -step.logS
        g[10] += common * (11 - d) * ((1 - r) * recallTerm)
        if step.rating == 2 {
          g[15] += gIncrease * expW8 * (11 - d) * sPower * e * easyBonus
        } else if step.rating == 4 {
          g[16] += gIncrease * expW8 * (11 - d) * sPower * e * hardPenalty
        }
      }
    }

    // Difficulty: linear damping, then mean reversion towards D0(Easy).
    let gMean = gOutD * Self.inside(step.meanD, Self.minimumDifficulty, Self.maximumDifficulty)
    if gMean != 0 {
      let deltaD = -w[6] * (rating - 3)
      let nextD = d + (10 - d) * deltaD / 9
      g[7] += gMean * (easyDifficulty - nextD)
      g[4] += gMean * w[7]
      g[5] += gMean * w[7] * -3 * exp3W5
      let gNext = gMean * (1 - w[7])
      g[6] += gNext * (10 - d) * -(rating - 3) / 9
      gLastD += gNext * (1 - deltaD / 9)
    }

    // Forgetting curve R = (1 + factor · t / S)^decay, through S and w20.
    if gR != 0 && step.elapsed > 0 {
      let t = step.elapsed
      let base = step.base
      gLastS += gR * r * decay / base * (-t * factor / (s * s))
      let dRDDecay = r * (step.logBase + decay / base * (t / s * factorSlope))
      g[20] += -gR * dRDDecay
    }

    return (
      gLastS * Self.inside(step.stateS, Self.minimumStability, Self.maximumStability),
      gLastD * Self.inside(step.stateD, Self.minimumDifficulty, Self.maximumDifficulty)
    )
  }
}
