/// The numbers of `recall exam status`.
public struct ExamStatus: Sendable, Hashable, Codable {
  /// Study days before the exam, today included.
  public var daysLeft: Int
  /// Cards in the exam deck.
  public var cardCount: Int
  /// Mean predicted exam-day recall if the plan is followed.
  public var predictedMeanRecall: Double
  /// Cards whose predicted exam-day recall is below the target.
  public var cardsBelowTarget: Int
  /// Mean exam-day recall if nothing more is studied.
  public var meanRecallWithoutStudy: Double
  /// New cards planned for today.
  public var todayNewCards: Int
  /// Reviews planned for today.
  public var todayReviews: Int
  /// Cards studied over all remaining days (a card counts once per day).
  public var plannedStudies: Int

  /// Creates a status.
  public init(
    daysLeft: Int, cardCount: Int, predictedMeanRecall: Double, cardsBelowTarget: Int,
    meanRecallWithoutStudy: Double, todayNewCards: Int, todayReviews: Int, plannedStudies: Int
  ) {
    self.daysLeft = daysLeft
    self.cardCount = cardCount
    self.predictedMeanRecall = predictedMeanRecall
    self.cardsBelowTarget = cardsBelowTarget
    self.meanRecallWithoutStudy = meanRecallWithoutStudy
    self.todayNewCards = todayNewCards
    self.todayReviews = todayReviews
    self.plannedStudies = plannedStudies
  }
}
