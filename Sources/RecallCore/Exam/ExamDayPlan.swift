/// The study plan for one day before the exam.
public struct ExamDayPlan: Sendable, Hashable {
  /// The study-day number.
  public var day: Int
  /// New cards to study for the first time, in order.
  public var newCards: [String]
  /// Cards to review.
  public var reviews: [String]
  /// Mean predicted exam-day recall if the plan is followed up to the end of this day and nothing is studied
  /// after it: how ready the learner would be. The last day's equals ``ExamStatus/predictedMeanRecall``.
  public var readiness: Double

  /// Creates a day plan.
  public init(day: Int, newCards: [String], reviews: [String], readiness: Double = 0) {
    self.day = day
    self.newCards = newCards
    self.reviews = reviews
    self.readiness = readiness
  }

  /// Cards studied that day.
  public var count: Int { newCards.count + reviews.count }
}
