/// One card's outlook under the plan.
public struct ExamCardForecast: Sendable, Hashable {
  /// The card.
  public var id: String
  /// The days the plan studies it, in order (the first is its introduction if it is new).
  public var studyDays: [Int]
  /// Predicted recall on the exam day if the plan is followed and every planned review is
  /// recalled.
  public var predictedRecall: Double
  /// Predicted recall on the exam day with no further study.
  public var recallWithoutStudy: Double
  /// Why the card misses the target; `nil` when it meets it.
  public var shortfall: ExamShortfall?

  /// Creates a forecast.
  public init(
    id: String, studyDays: [Int], predictedRecall: Double, recallWithoutStudy: Double,
    shortfall: ExamShortfall?
  ) {
    self.id = id
    self.studyDays = studyDays
    self.predictedRecall = predictedRecall
    self.recallWithoutStudy = recallWithoutStudy
    self.shortfall = shortfall
  }
}
