/// What the learner asked of exam mode.
public struct ExamSettings: Sendable, Hashable, Codable {
  /// The study-day number of the exam (see ``SchedulingDay/number(of:)``); study happens on the
  /// days before it, recall is predicted for the morning of it.
  public var examDay: Int
  /// The recall probability every card should have on the exam day, strictly between 0 and 1.
  public var targetRecall: Double
  /// Cards studied per day at most, new cards included.
  public var maximumCardsPerDay: Int

  /// The target recall when none is given: FSRS's usual desired retention.
  public static let defaultTargetRecall = 0.9
  /// The daily limit when none is given.
  public static let defaultMaximumCardsPerDay = 100

  /// Creates settings, checking the values.
  ///
  /// - Throws: ``ExamSettingsError`` for a target outside (0, 1) or a daily limit below 1.
  public init(
    examDay: Int, targetRecall: Double = defaultTargetRecall, maximumCardsPerDay: Int
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

extension ExamSettings {
  /// Settings for an exam on the calendar date `examDate` (`YYYY-MM-DD`), which must come after the study day
  /// `today`.
  ///
  /// - Throws: ``ExamSettingsError`` for a date that is not a real date or not in the future, or a target or
  ///   limit out of range.
  public init(
    examDate: String, today: Int, targetRecall: Double = defaultTargetRecall,
    maximumCardsPerDay: Int = defaultMaximumCardsPerDay
  ) throws(ExamSettingsError) {
    guard let examDay = SchedulingDay.number(ofCalendarDate: examDate) else { throw .invalidDate(examDate) }
    guard examDay > today else { throw .dateNotInTheFuture(examDate) }
    try self.init(examDay: examDay, targetRecall: targetRecall, maximumCardsPerDay: maximumCardsPerDay)
  }

  /// The exam's calendar date, `YYYY-MM-DD`.
  public var examDate: String { SchedulingDay.calendarDate(ofDay: examDay) }
}
