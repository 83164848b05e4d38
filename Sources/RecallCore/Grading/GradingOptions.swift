/// The grader's thresholds. The defaults were set on the labelled development set
/// (`Tests/RecallCoreTests/Grading/Fixtures/grading-dev.jsonl`); change them only with that set's figures in hand.
public struct GradingOptions: Sendable, Hashable {
  /// The share of a point's weighted words an answer must state for the point to count as hit, 0…1: by
  /// default half, so the gist of a long point is enough but a lone shared word is not.
  public var hitThreshold: Double
  /// From how many points on an answer counts as long, so that missing a few still leaves it correct.
  public var longAnswerMinimumPoints: Int
  /// The share of a long answer's points (rounded up) that must be hit for it to be correct.
  public var longAnswerRequiredShare: Double
  /// Whether an answer that matches another deck card's answer clearly better than this card's is wrong.
  public var rejectsNeighbourAnswers: Bool

  /// Creates options; the defaults are the tuned ones.
  public init(
    hitThreshold: Double = 0.5, longAnswerMinimumPoints: Int = 5, longAnswerRequiredShare: Double = 0.8,
    rejectsNeighbourAnswers: Bool = true
  ) {
    self.hitThreshold = hitThreshold
    self.longAnswerMinimumPoints = longAnswerMinimumPoints
    self.longAnswerRequiredShare = longAnswerRequiredShare
    self.rejectsNeighbourAnswers = rejectsNeighbourAnswers
  }
}
