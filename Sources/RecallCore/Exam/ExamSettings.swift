/// What the learner asked of exam mode.
public struct ExamSettings: Sendable, Hashable, Codable {
  /// The study-day number of the exam (see ``SchedulingDay/number(of:)``); study happens on the
  /// days before it, recall is predicted for the morning of it.
  public var examDay: Int
  /// The recall probability every card should have on the exam day, strictly between 0 and 1.
  public var targetRecall: Double
  /// Cards studied per day at most, new cards included.
  public var maximumCardsPerDay: Int

  /// Creates settings, checking the values.
  ///
  /// - Throws: ``ExamSettingsError`` for a target outside (0, 1) or a daily limit below 1.
  public init(
    examDay: Int, targetRecall: Double = 0.9, maximumCardsPerDay: Int
  ) throws(ExamSettingsError) {
    guard targetRecall > 0 && targetRecall < 1 else {
      throw .invalidTargetRecall(targetRecall)
    }
    guard maximumCardsPerDay >= 1 else { throw .invalidDailyLimit(maximumCardsPerDay) }
    self.examDay = examDay
    self.targetRecall = targetRecall
    self.maximumCardsPerDay = maximumCardsPerDay
  }

  private enum CodingKeys: String, CodingKey {
    case examDay, targetRecall, maximumCardsPerDay
  }

  /// Decodes settings and validates them like ``init(examDay:targetRecall:maximumCardsPerDay:)``,
  /// so that a stored file cannot smuggle in a value the planner cannot work with.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        examDay: container.decode(Int.self, forKey: .examDay),
        targetRecall: container.decode(Double.self, forKey: .targetRecall),
        maximumCardsPerDay: container.decode(Int.self, forKey: .maximumCardsPerDay))
    } catch let error as ExamSettingsError {
      throw DecodingError.dataCorruptedError(
        forKey: .targetRecall, in: container, debugDescription: error.description)
    }
  }
}
