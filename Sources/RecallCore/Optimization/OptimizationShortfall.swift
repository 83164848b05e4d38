/// Why ``FSRSOptimizer`` returned default (or only partly fitted) weights.
public enum OptimizationShortfall: Sendable, Hashable, CustomStringConvertible {
  /// No review came a study day or more after an earlier review of the same card.
  case noItems
  /// Too few items survived the outlier filter to fit anything (fsrs-rs needs 8).
  case tooFewItems(count: Int, minimum: Int)
  /// No card has exactly one review after its first day, so the initial stabilities cannot be
  /// estimated.
  case noFirstIntervals
  /// Only the initial stabilities w0…w3 were fitted: gradient descent needs at least `minimum`
  /// items and some cards reviewed twice or more after their first day.
  case initialStabilitiesOnly(count: Int, minimum: Int)
  /// Training produced a non-finite or out-of-bounds weight.
  case diverged

  /// A sentence for the user.
  public var description: String {
    switch self {
    case .noItems:
      return "no card was reviewed again on a later day, so there is nothing to learn from"
    case .tooFewItems(let count, let minimum):
      return "only \(count) usable reviews after outlier filtering; at least \(minimum) are needed"
    case .noFirstIntervals:
      return "no card has exactly one review after its first day, so initial stability cannot be estimated"
    case .initialStabilitiesOnly(let count, let minimum):
      return "only the initial stabilities (w0–w3) were fitted: \(count) usable reviews, "
        + "at least \(minimum) with some cards reviewed on two or more later days are needed for the rest"
    case .diverged:
      return "training did not converge to valid parameters"
    }
  }
}
