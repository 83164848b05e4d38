/// The study screens' typed-answer check with the point-by-point grader: the character diff still shows what was
/// typed against the answer, but the verdict, the missed points and the suggested rating are the grader's.
public struct PointGradingChecker: AnswerChecking {
  private let grader: AnswerGrader
  private let deck: GradingDeck?

  /// A checker that grades with `grader`, against the other cards of `deck` when given (for rare key terms,
  /// swapped names and a neighbouring card's answer).
  public init(grader: AnswerGrader = AnswerGrader(), deck: GradingDeck? = nil) {
    self.grader = grader
    self.deck = deck
  }

  /// Grades `typed` against `expected` point by point.
  public func check(typed: String, expected: String, front: String) -> AnswerCheck {
    let grade = grader.grade(typed: typed, expected: expected, front: front, deck: deck)
    var check = FuzzyAnswerChecker().check(typed: typed, expected: expected, front: front)
    check.suggestedRating = grade.suggestedRating
    check.missed = grade.missed
    check.points = (grade.pointsHit, grade.pointsTotal, grade.verdict.rawValue)
    return check
  }
}
