/// The study plan for one day before the exam.
public struct ExamDayPlan: Sendable, Hashable {
  /// The study-day number.
  public var day: Int
  /// New cards to study for the first time, in order.
  public var newCards: [String]
  /// Cards to review.
  public var reviews: [String]

  /// Creates a day plan.
  public init(day: Int, newCards: [String], reviews: [String]) {
    self.day = day
    self.newCards = newCards
    self.reviews = reviews
  }

  /// Cards studied that day.
  public var count: Int { newCards.count + reviews.count }
}
