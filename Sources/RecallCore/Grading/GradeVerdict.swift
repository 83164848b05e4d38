/// The overall judgement on a typed answer.
///
/// The rule, applied to the points hit (see ``AnswerGrader``):
/// - **correct**: every point is hit; or, for answers of ``GradingOptions/longAnswerMinimumPoints`` (5) points
///   or more, at least ``GradingOptions/longAnswerRequiredShare`` (80 %, rounded up) of them are hit and no
///   point is contradicted — forgetting one item of a long list is still a recall, stating a wrong fact is not;
/// - **wrong**: no point is hit (a point contradicted counts as missed), or only some are and the answer is
///   another card's answer from the same deck;
/// - **partial**: anything in between.
public enum GradeVerdict: String, Sendable, Hashable, Codable, CaseIterable {
  /// The answer states the card's points.
  case correct
  /// The answer states some of the points.
  case partial
  /// The answer states none of the points, or contradicts the card.
  case wrong
}
