import Foundation

/// Keeps the weights inside the bounds after every optimizer step (fsrs-rs
/// `clip_parameters`).
///
/// The bounds are ``FSRSParameters/lowerBounds`` and ``FSRSParameters/upperBounds`` (the same
/// table as fsrs-rs), with fsrs-rs' two refinements: w19 stays at least 0.01 while short-term
/// stability is trained, and with more than one relearning step w17 and w18 are capped so that
/// repeated same-day lapses cannot raise stability above its pre-lapse value.
struct ParameterClipper {
  var relearningSteps: Int
  var shortTerm: Bool

  func clip(_ w: inout [Double]) {
    var ceiling = 2.0
    if relearningSteps > 1 {
      // From fsrs-rs: w17·w18 ≤ −(ln w11 + ln(2^w13 − 1) + 0.3·w14) / steps.
      let limit = -(log(w[11]) + log(pow(2, w[13]) - 1) + w[14] * 0.3) / Double(relearningSteps)
      ceiling = min(max(limit, 0.01).squareRoot(), 2)
    }
    for index in 0..<FSRSParameters.count {
      var low = FSRSParameters.lowerBounds[index]
      var high = FSRSParameters.upperBounds[index]
      if index == 17 || index == 18 { high = min(high, ceiling) }
      if index == 19 && shortTerm { low = max(low, 0.01) }
      w[index] = min(max(w[index], low), high)
    }
  }
}
