import Foundation
import Testing

@testable import RecallCore

@Suite("Retrievability")
struct RetrievabilityTests {
  static let t0 = Date(timeIntervalSince1970: 1_704_110_400)  // 2024-01-01T12:00:00Z

  @Test(
    "R(S, S) = 0.9 for any stability and decay",
    arguments: [0.5, 1, 2.3065, 10, 365, 36500], [0.1, 0.1542, 0.5, 0.8])
  func ninetyPercentAtStability(stability: Double, decay: Double) throws {
    var weights = FSRSParameters.default.weights
    weights[20] = decay
    let model = FSRSModel(parameters: try FSRSParameters(weights))
    #expect(abs(model.retrievability(elapsedDays: stability, stability: stability) - 0.9) < 1e-12)
    // The interval for 90 % retention is the stability itself.
    #expect(
      abs(model.intervalDays(stability: stability, desiredRetention: 0.9) - stability)
        < 1e-9 * stability)
  }

  @Test("the forgetting curve is (1 + factor·t/S)^(−w20) with factor = 0.9^(−1/w20) − 1")
  func curve() {
    let model = FSRSModel()
    let w20 = 0.1542
    let factor = pow(0.9, -1 / w20) - 1
    #expect(abs(factor - 0.98034649) < 1e-8)  // reference/fsrs.md §1.4
    for (t, s) in [(0.0, 1.0), (5, 2), (30, 10), (365, 50)] {
      let expected = pow(1 + factor * t / s, -w20)
      #expect(abs(model.retrievability(elapsedDays: t, stability: s) - expected) < 1e-15)
    }
  }

  @Test("a never-reviewed card has retrievability 0")
  func newCard() {
    let scheduler = Scheduler()
    #expect(scheduler.retrievability(of: .new(due: Self.t0), at: Self.t0 + 86_400 * 5) == 0)
  }

  @Test("reference mode counts whole 24-hour periods")
  func wholeDays() throws {
    let scheduler = Scheduler(try SchedulerConfiguration(fuzz: false))
    let card = CardSchedule(
      phase: .review, step: nil, stability: 10, difficulty: 5, due: Self.t0,
      lastReview: Self.t0, reps: 3, lapses: 0)
    let model = FSRSModel()
    let tenDays = Self.t0 + 10 * 86_400
    #expect(abs(scheduler.retrievability(of: card, at: tenDays) - 0.9) < 1e-12)
    // One second short of ten days is still nine whole days.
    #expect(
      scheduler.retrievability(of: card, at: tenDays - 1)
        == model.retrievability(elapsedDays: 9, stability: 10))
    // Same day, and times before the last review, count as 0 days: R = 1.
    #expect(scheduler.retrievability(of: card, at: Self.t0 + 3_600) == 1)
    #expect(scheduler.retrievability(of: card, at: Self.t0 - 3_600) == 1)
    #expect(scheduler.elapsedDays(from: Self.t0, to: Self.t0 - 3_600) == -1)
  }

  @Test("microsecond noise in Date does not lose a day")
  func microsecondRounding() {
    let scheduler = Scheduler()
    let last = Date(timeIntervalSinceReferenceDate: 1_000_000_000.123456)
    // 86_400 s later minus a rounding error far below a microsecond.
    let now = Date(timeIntervalSinceReferenceDate: 1_000_086_400.123456 - 1e-7)
    #expect(scheduler.elapsedDays(from: last, to: now) == 1)
    #expect(scheduler.elapsedDays(from: last, to: now - 2e-6) == 0)
  }
}
