import Foundation
import RecallCore

extension APIModels {
  /// `GET /api/v1/decks/{id}/exam`: the exam, how ready the learner is, and the plan per day.
  struct Exam: Codable, Sendable {
    /// One study day of the plan.
    struct Day: Codable, Sendable {
      /// When the study day begins.
      var date: Date
      /// New cards planned.
      var newCards: Int
      /// Reviews planned.
      var reviews: Int
      /// Mean predicted exam-day recall if the plan is followed through this day.
      var readiness: Double
    }

    var deckId: Int64
    var deck: String
    /// The exam date, `YYYY-MM-DD`.
    var date: String
    var targetRecall: Double
    var maximumCardsPerDay: Int
    /// Days left, predicted recall, today's workload: what `recall exam status` reports.
    var status: ExamStatus
    /// Cards predicted to miss the target.
    var unreachable: Int
    /// From today to the day before the exam.
    var days: [Day]

    init(_ overview: ExamOverview) {
      let plan = overview.plan
      deckId = overview.deckID
      deck = overview.deck
      date = plan.settings.examDate
      targetRecall = plan.settings.targetRecall
      maximumCardsPerDay = plan.settings.maximumCardsPerDay
      status = plan.status
      unreachable = plan.unreachable.count
      days = zip(plan.days, overview.dayStarts).map { day, start in
        Day(date: start, newCards: day.newCards.count, reviews: day.reviews.count, readiness: day.readiness)
      }
    }
  }
}
