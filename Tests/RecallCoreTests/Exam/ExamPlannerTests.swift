import Foundation
import Testing

@testable import RecallCore

@Suite("Exam planner")
struct ExamPlannerTests {
  let planner = ExamPlanner()
  let model = FSRSModel(parameters: .default)

  /// Replays a card's planned days (every answer Good) to its exam-day recall, from first
  /// principles rather than through the planner.
  func examRecall(_ card: ExamCard, days: [Int], examDay: Int) -> Double {
    var state = card.memory
    var last = card.lastReviewDay ?? 0
    for day in days {
      state = model.nextState(state, rating: .good, elapsedDays: state == nil ? 0 : day - last)
      last = day
    }
    return state.map { model.retrievability(elapsedDays: Double(examDay - last), stability: $0.stability) } ?? 0
  }

  @Test("a feasible case: every card reaches the target within the daily limit")
  func feasible() throws {
    var cards = (0..<30).map { ExamCard(newCardID: "n\($0)") }
    // Reviewed cards, some overdue, some fresh.
    for index in 0..<20 {
      cards.append(
        ExamCard(
          id: "r\(index)", memory: MemoryState(stability: Double(1 + index), difficulty: 5),
          lastReviewDay: 100 - index))
    }
    let settings = try ExamSettings(examDay: 114, targetRecall: 0.9, maximumCardsPerDay: 12)
    let plan = planner.plan(cards: cards, today: 100, settings: settings)
    #expect(plan.days.map(\.day) == Array(100..<114))
    #expect(plan.days.allSatisfy { $0.count <= 12 })
    #expect(plan.unreachable.isEmpty)
    #expect(plan.reviewRetention >= 0.9)
    for (card, forecast) in zip(cards, plan.forecasts) {
      #expect(forecast.id == card.id)
      let recall = examRecall(card, days: forecast.studyDays, examDay: 114)
      #expect(abs(recall - forecast.predictedRecall) < 1e-12)
      #expect(recall >= 0.9, "\(card.id): \(recall)")
      #expect(forecast.studyDays.allSatisfy { (100..<114).contains($0) })
    }
    // Each new card is introduced once, on the first day it is studied.
    let introduced = plan.days.flatMap(\.newCards)
    #expect(introduced.sorted() == cards.filter(\.isNew).map(\.id).sorted())
    let status = plan.status
    #expect(status.daysLeft == 14)
    #expect(status.cardCount == 50)
    #expect(status.cardsBelowTarget == 0)
    #expect(status.predictedMeanRecall >= 0.9)
    #expect(status.todayNewCards + status.todayReviews == plan.days[0].count)
    #expect(status.meanRecallWithoutStudy < status.predictedMeanRecall)
  }

  @Test("more cards than the limit can carry: the rest are reported")
  func infeasible() throws {
    let cards = (0..<50).map { ExamCard(newCardID: "n\($0)") }
    let settings = try ExamSettings(examDay: 3, maximumCardsPerDay: 10)
    let plan = planner.plan(cards: cards, today: 0, settings: settings)
    #expect(plan.days.allSatisfy { $0.count <= 10 })
    #expect(plan.unreachable.count >= 20)
    #expect(plan.unreachable.allSatisfy { $0.shortfall == .dailyLimit && $0.predictedRecall < 0.9 })
    #expect(plan.status.cardsBelowTarget == plan.unreachable.count)
  }

  @Test("no study day left: cards below target are reported as out of time")
  func examToday() throws {
    let cards = [
      ExamCard(id: "strong", memory: MemoryState(stability: 100, difficulty: 3), lastReviewDay: 9),
      ExamCard(id: "weak", memory: MemoryState(stability: 1, difficulty: 8), lastReviewDay: 5),
      ExamCard(newCardID: "new"),
    ]
    let plan = planner.plan(cards: cards, today: 10, settings: try ExamSettings(examDay: 10, maximumCardsPerDay: 5))
    #expect(plan.days.isEmpty)
    #expect(plan.unreachable.map(\.id) == ["weak", "new"])
    #expect(plan.unreachable.allSatisfy { $0.shortfall == .noTimeLeft })
    #expect(plan.status.daysLeft == 0)
  }

  @Test("a card that is already safe is not studied needlessly")
  func safeCard() throws {
    let cards = [ExamCard(id: "safe", memory: MemoryState(stability: 400, difficulty: 2), lastReviewDay: 99)]
    let plan = planner.plan(cards: cards, today: 100, settings: try ExamSettings(examDay: 110, maximumCardsPerDay: 5))
    #expect(plan.forecasts[0].studyDays.isEmpty)
    #expect(plan.forecasts[0].predictedRecall >= 0.97)
  }

  @Test("settings are validated")
  func settings() throws {
    #expect(throws: ExamSettingsError.invalidTargetRecall(1)) {
      try ExamSettings(examDay: 5, targetRecall: 1, maximumCardsPerDay: 5)
    }
    #expect(throws: ExamSettingsError.invalidDailyLimit(0)) {
      try ExamSettings(examDay: 5, maximumCardsPerDay: 0)
    }
    let stored = Data(#"{"examDay": 40, "targetRecall": 0.95, "maximumCardsPerDay": 80}"#.utf8)
    #expect(
      try JSONDecoder().decode(ExamSettings.self, from: stored)
        == ExamSettings(examDay: 40, targetRecall: 0.95, maximumCardsPerDay: 80))
    let invalid = Data(#"{"examDay": 40, "targetRecall": 1.5, "maximumCardsPerDay": 80}"#.utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(ExamSettings.self, from: invalid) }
  }

  @Test("readiness: each day's mean exam-day recall if study stopped after it, ending at the prediction")
  func readiness() throws {
    var cards = (0..<25).map { ExamCard(newCardID: "n\($0)") }
    cards.append(ExamCard(id: "r", memory: MemoryState(stability: 3, difficulty: 6), lastReviewDay: 48))
    let settings = try ExamSettings(examDay: 60, targetRecall: 0.9, maximumCardsPerDay: 10)
    let plan = planner.plan(cards: cards, today: 50, settings: settings)
    for dayPlan in plan.days {
      // From first principles: every card replayed through its studies up to this day.
      let expected =
        zip(cards, plan.forecasts).map { card, forecast in
          let done = forecast.studyDays.filter { $0 <= dayPlan.day }
          return done.isEmpty && card.isNew ? 0 : examRecall(card, days: done, examDay: 60)
        }.reduce(0, +) / Double(cards.count)
      #expect(abs(dayPlan.readiness - expected) < 1e-12, "day \(dayPlan.day)")
    }
    #expect(abs((plan.days.last?.readiness ?? 0) - plan.status.predictedMeanRecall) < 1e-12)
    #expect(plan.days[0].readiness < plan.days.last!.readiness)
  }

  @Test(
    "an exam date is a calendar date after today",
    arguments: [
      ("2026-12-20", 20_807, nil),
      ("2026-11-27", 20_784, ExamSettingsError.dateNotInTheFuture("2026-11-27")),
      ("2026-02-30", 0, ExamSettingsError.invalidDate("2026-02-30")),
      ("20/12/2026", 0, ExamSettingsError.invalidDate("20/12/2026")),
      ("2026-1-5", 0, ExamSettingsError.invalidDate("2026-1-5")),
    ])
  func examDate(text: String, day: Int, error: ExamSettingsError?) throws {
    // 2026-11-27 is day 20,784 since 1970-01-01.
    let today = 20_784
    if let error {
      #expect(throws: error) { try ExamSettings(examDate: text, today: today, maximumCardsPerDay: 50) }
    } else {
      let settings = try ExamSettings(examDate: text, today: today, maximumCardsPerDay: 50)
      #expect(settings.examDay == day)
      #expect(settings.examDate == text)
    }
  }

  @Test("simulated: exam mode beats plain FSRS on exam-day recall within the limit")
  func simulated() throws {
    let cards = 60
    let days = 14
    let settings = try ExamSettings(examDay: days, maximumCardsPerDay: 15)
    var exam = ExamStudyPolicy(planner: planner, settings: settings, cardCount: cards)
    var plain = FSRSStudyPolicy(newCardsPerDay: 8, maximumCardsPerDay: 15, cardCount: cards)
    let examRun = ReviewSimulator.run(learner: SimulatedLearner(), cardCount: cards, days: days, policy: &exam, seed: 9)
    let plainRun = ReviewSimulator.run(
      learner: SimulatedLearner(), cardCount: cards, days: days, policy: &plain, seed: 9)
    func meanRecall(_ result: SimulationResult) -> Double {
      (0..<cards).map { result.retrievability(card: $0, onDay: days) }.reduce(0, +) / Double(cards)
    }
    #expect(zip(examRun.reviewsPerDay, examRun.newCardsPerDay).allSatisfy { $0 + $1 <= 15 })
    #expect(examRun.newCardsPerDay.reduce(0, +) == cards)
    #expect(meanRecall(examRun) > meanRecall(plainRun))
    #expect(meanRecall(examRun) > 0.93)
  }
}
