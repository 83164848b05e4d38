import Foundation

/// The FSRS-6 memory model: forgetting curve, stability and difficulty updates, intervals.
///
/// Every function is a line-by-line port of the private helpers in py-fsrs 6.3.2
/// `fsrs/scheduler.py`, with the same association order of the floating-point operations and
/// `pow(M_E, x)` where Python writes `math.e ** x`, so that results agree with py-fsrs to the last
/// bit on platforms whose `pow` is the C library's (glibc, Darwin libm).
public struct FSRSModel: Sendable, Hashable {
  /// py-fsrs `STABILITY_MIN`: stability never drops below this many days.
  public static let minimumStability = 0.001
  /// py-fsrs `MIN_DIFFICULTY`.
  public static let minimumDifficulty = 1.0
  /// py-fsrs `MAX_DIFFICULTY`.
  public static let maximumDifficulty = 10.0

  /// The weights the model uses.
  public let parameters: FSRSParameters
  /// The forgetting-curve exponent, −w20.
  public let decay: Double
  /// Chosen so that R(S, S) = 0.9: 0.9^(1/decay) − 1.
  public let factor: Double

  /// Creates the model for a validated parameter vector.
  public init(parameters: FSRSParameters = .default) {
    self.parameters = parameters
    decay = -parameters[20]
    factor = pow(0.9, 1 / decay) - 1
  }

  /// Probability of recall after `elapsedDays` days for a card with the given stability:
  /// (1 + factor · t / S)^decay.
  ///
  /// py-fsrs passes whole days here; fractional days are allowed for display purposes.
  public func retrievability(elapsedDays: Double, stability: Double) -> Double {
    pow(1 + factor * elapsedDays / stability, decay)
  }

  /// Memory state after the very first review: S0 = w[G−1], D0 = w4 − e^(w5·(G−1)) + 1, clamped.
  public func initialState(rating: Rating) -> MemoryState {
    MemoryState(
      stability: initialStability(rating: rating),
      difficulty: initialDifficulty(rating: rating, clamped: true))
  }

  /// Stability after the first review with this rating.
  public func initialStability(rating: Rating) -> Double {
    Swift.max(parameters[rating.rawValue - 1], Self.minimumStability)
  }

  /// Difficulty after the first review with this rating.
  ///
  /// - Parameter clamped: `false` gives the raw value, which mean reversion needs for Easy
  ///   (−4.77 with the default weights).
  public func initialDifficulty(rating: Rating, clamped: Bool) -> Double {
    let value = parameters[4] - pow(M_E, parameters[5] * Double(rating.rawValue - 1)) + 1
    return clamped ? Self.clampDifficulty(value) : value
  }

  /// Difficulty after a non-first review: linear damping towards 10, then mean reversion towards
  /// the unclamped initial difficulty of Easy, then clamping to 1…10.
  public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
    let meanTarget = initialDifficulty(rating: .easy, clamped: false)
    let delta = -(parameters[6] * Double(rating.rawValue - 3))
    let damped = difficulty + (10.0 - difficulty) * delta / 9.0
    let reverted = parameters[7] * meanTarget + (1 - parameters[7]) * damped
    return Self.clampDifficulty(reverted)
  }

  /// Stability after a review at least one day after the previous one, floored at 0.001.
  ///
  /// - Parameter retrievability: the recall probability just before this review.
  public func nextStability(
    difficulty: Double, stability: Double, retrievability: Double, rating: Rating
  ) -> Double {
    let next: Double
    if rating == .again {
      next = stabilityAfterLapse(
        difficulty: difficulty, stability: stability, retrievability: retrievability)
    } else {
      next = stabilityAfterRecall(
        difficulty: difficulty, stability: stability, retrievability: retrievability,
        rating: rating)
    }
    return Swift.max(next, Self.minimumStability)
  }

  /// S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^(w10·(1−R)) − 1) · hardPenalty · easyBonus).
  public func stabilityAfterRecall(
    difficulty: Double, stability: Double, retrievability: Double, rating: Rating
  ) -> Double {
    let hardPenalty = rating == .hard ? parameters[15] : 1
    let easyBonus = rating == .easy ? parameters[16] : 1
    // Same left-to-right product as py-fsrs so that rounding matches.
    var growth = pow(M_E, parameters[8]) * (11 - difficulty)
    growth = growth * pow(stability, -parameters[9])
    growth = growth * (pow(M_E, (1 - retrievability) * parameters[10]) - 1)
    growth = growth * hardPenalty * easyBonus
    return stability * (1 + growth)
  }

  /// min(w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14·(1−R)), S / e^(w17·w18)).
  public func stabilityAfterLapse(
    difficulty: Double, stability: Double, retrievability: Double
  ) -> Double {
    var longTerm = parameters[11] * pow(difficulty, -parameters[12])
    longTerm = longTerm * (pow(stability + 1, parameters[13]) - 1)
    longTerm = longTerm * pow(M_E, (1 - retrievability) * parameters[14])
    let shortTerm = stability / pow(M_E, parameters[17] * parameters[18])
    return Swift.min(longTerm, shortTerm)
  }

  /// Stability after a review less than one day after the previous one:
  /// S · e^(w17·(G − 3 + w18)) · S^(−w19), where the factor is at least 1 unless the rating is
  /// Again (py-fsrs 6.3.2, fsrs-rs and ts-fsrs agree on the Hard floor).
  public func shortTermStability(_ stability: Double, rating: Rating) -> Double {
    var increase =
      pow(M_E, parameters[17] * (Double(rating.rawValue - 3) + parameters[18]))
      * pow(stability, -parameters[19])
    if rating != .again {
      increase = Swift.max(increase, 1.0)
    }
    return Swift.max(stability * increase, Self.minimumStability)
  }

  /// The memory state after one more review.
  ///
  /// - Parameters:
  ///   - state: the state before the review, or `nil` for the first review.
  ///   - elapsedDays: whole days since the previous review, counted the way the caller's mode
  ///     counts them. Below 1 selects the same-day formula, as py-fsrs (`days < 1`) and fsrs-rs
  ///     (`delta_t == 0`) do.
  public func nextState(_ state: MemoryState?, rating: Rating, elapsedDays: Int) -> MemoryState {
    guard let state else { return initialState(rating: rating) }
    let stability: Double
    if elapsedDays < 1 {
      stability = shortTermStability(state.stability, rating: rating)
    } else {
      let recall = retrievability(
        elapsedDays: Double(elapsedDays), stability: state.stability)
      stability = nextStability(
        difficulty: state.difficulty, stability: state.stability, retrievability: recall,
        rating: rating)
    }
    return MemoryState(
      stability: stability, difficulty: nextDifficulty(state.difficulty, rating: rating))
  }

  /// The unrounded interval in days at which recall falls to `desiredRetention`:
  /// S / factor · (r^(1/decay) − 1).
  ///
  /// Equal to S at r = 0.9. Callers round and clamp it according to their mode.
  public func intervalDays(stability: Double, desiredRetention: Double) -> Double {
    (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
  }

  static func clampDifficulty(_ value: Double) -> Double {
    Swift.min(Swift.max(value, minimumDifficulty), maximumDifficulty)
  }
}
