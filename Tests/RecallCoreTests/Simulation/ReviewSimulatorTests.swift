import Foundation
import Testing

@testable import RecallCore

@Suite("Review simulator")
struct ReviewSimulatorTests {
  static func run(seed: UInt64, cards: Int = 200, days: Int = 60) -> SimulationResult {
    var policy = FSRSStudyPolicy(newCardsPerDay: 10, maximumCardsPerDay: 40, cardCount: cards)
    return ReviewSimulator.run(
      learner: SimulatedLearner(), cardCount: cards, days: days, policy: &policy, seed: seed)
  }

  @Test("the same seed gives the same run, another seed another")
  func deterministic() {
    let first = Self.run(seed: 1)
    let second = Self.run(seed: 1)
    #expect(first.histories == second.histories)
    #expect(first.secondsPerDay == second.secondsPerDay)
    #expect(Self.run(seed: 2).histories != first.histories)
  }

  @Test("counts add up and the policy's limits hold")
  func counts() throws {
    let result = Self.run(seed: 3)
    #expect(result.newCardsPerDay.allSatisfy { $0 <= 10 })
    #expect(zip(result.reviewsPerDay, result.newCardsPerDay).allSatisfy { $0 + $1 <= 40 })
    #expect(result.newCardsPerDay.reduce(0, +) == 200)
    #expect(result.totalAnswers == result.histories.reduce(0) { $0 + $1.count })
    // Every Again gets one same-day Good.
    let agains = result.histories.flatMap { $0 }.filter { $0.rating == .again }.count
    #expect(result.totalAnswers == result.totalReviews + 200 + agains)
    let retention = try #require(result.retention)
    #expect(retention > 0.8 && retention < 0.97)
    #expect(result.secondsPerDay.allSatisfy { $0 >= 0 })
  }

  @Test("retrievability on a day is the true forgetting curve since the last study")
  func retrievability() throws {
    let result = Self.run(seed: 4)
    let model = FSRSModel(parameters: .default)
    let card = 0
    var state: MemoryState?
    var lastDay = 0
    for (index, review) in result.histories[card].enumerated() {
      let sameDay = index > 0 && result.histories[card][index - 1].day == review.day
      state = model.nextState(
        state, rating: review.rating, elapsedDays: state == nil || sameDay ? 0 : review.day - lastDay)
      lastDay = review.day
    }
    let stability = try #require(state).stability
    for day in [lastDay + 1, lastDay + 10, 100] {
      let expected = model.retrievability(elapsedDays: Double(day - lastDay), stability: stability)
      #expect(abs(result.retrievability(card: card, onDay: day) - expected) < 1e-12)
    }
    #expect(result.retrievability(card: card, onDay: 0) == 0)
  }

  @Test("histories become review logs that rebuild the same elapsed days")
  func asReviewLogs() throws {
    let result = Self.run(seed: 5, cards: 30, days: 40)
    let histories = result.cardHistories(startingAt: OptimizationTestData.epoch)
    let days = SchedulingDay(dayStartHour: 0, timeZone: OptimizationTestData.utc)
    for (card, history) in histories.enumerated() {
      let reviews = FSRSItemBuilder.reviews(of: history, days: days)
      let simulated = result.histories[card]
      #expect(reviews.map(\.rating) == simulated.map(\.rating))
      let expected = simulated.indices.map { $0 == 0 ? 0 : simulated[$0].day - simulated[$0 - 1].day }
      #expect(reviews.map(\.elapsedDays) == expected)
    }
  }

  @Test("seeded random numbers are reproducible and uniform enough")
  func seededRandom() {
    var a = SeededRandom(seed: 42)
    var b = SeededRandom(seed: 42)
    #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    var counts = [Int](repeating: 0, count: 10)
    for _ in 0..<10_000 { counts[a.next(below: 10)] += 1 }
    #expect(counts.allSatisfy { $0 > 900 && $0 < 1_100 })
  }
}
