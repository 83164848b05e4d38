/// The whole plan from today to the exam; recomputed each day from the cards' actual states.
public struct ExamPlan: Sendable, Hashable {
  /// The day the plan was made for.
  public var today: Int
  /// The settings it satisfies.
  public var settings: ExamSettings
  /// One entry per study day, today first, up to the day before the exam.
  public var days: [ExamDayPlan]
  /// One forecast per input card, in input order.
  public var forecasts: [ExamCardForecast]
  /// The recall at which the plan schedules reviews before the final pass (at least the target:
  /// spare capacity buys more frequent reviews).
  public var reviewRetention: Double

  /// Creates a plan.
  public init(
    today: Int, settings: ExamSettings, days: [ExamDayPlan], forecasts: [ExamCardForecast],
    reviewRetention: Double
  ) {
    self.today = today
    self.settings = settings
    self.days = days
    self.forecasts = forecasts
    self.reviewRetention = reviewRetention
  }

  /// Cards predicted to miss the target.
  public var unreachable: [ExamCardForecast] { forecasts.filter { $0.shortfall != nil } }

  /// The summary `recall exam status` shows.
  public var status: ExamStatus {
    let predicted = forecasts.map(\.predictedRecall)
    let withoutStudy = forecasts.map(\.recallWithoutStudy)
    let mean = { (values: [Double]) in values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
    return ExamStatus(
      daysLeft: max(0, settings.examDay - today), cardCount: forecasts.count,
      predictedMeanRecall: mean(predicted),
      cardsBelowTarget: predicted.filter { $0 < settings.targetRecall }.count,
      meanRecallWithoutStudy: mean(withoutStudy),
      todayNewCards: days.first?.newCards.count ?? 0, todayReviews: days.first?.reviews.count ?? 0,
      plannedStudies: days.reduce(0) { $0 + $1.count })
  }
}
