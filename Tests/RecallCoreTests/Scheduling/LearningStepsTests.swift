import Foundation
import Testing

@testable import RecallCore

/// The learning/relearning state machine of reference/fsrs.md §1.5, checked through the public
/// scheduler in reference mode with fuzz off.
@Suite("Learning and relearning steps")
struct LearningStepsTests {
  static let now = Date(timeIntervalSince1970: 1_704_110_400)  // 2024-01-01T12:00:00Z

  /// One row of the §1.5 table: a card in `phase` at `step`, answered with `rating`, must end in
  /// `phase`/`step` after `delay` seconds (`nil` delay: graduates to review in whole days).
  struct Row: CustomStringConvertible, Sendable {
    var learning: [TimeInterval] = [60, 600]
    var relearning: [TimeInterval] = [600]
    var phase: SchedulingPhase
    var step: Int?
    var rating: Rating
    var expectedPhase: SchedulingPhase
    var expectedStep: Int?
    var delay: TimeInterval?

    var description: String {
      "\(phase)/\(step.map(String.init) ?? "-") \(rating) with \(learning)/\(relearning)"
    }
  }

  static let rows: [Row] = [
    // A new card is learning step 0 without a memory state.
    Row(phase: .new, rating: .again, expectedPhase: .learning, expectedStep: 0, delay: 60),
    Row(phase: .new, rating: .hard, expectedPhase: .learning, expectedStep: 0, delay: 330),
    Row(phase: .new, rating: .good, expectedPhase: .learning, expectedStep: 1, delay: 600),
    Row(phase: .new, rating: .easy, expectedPhase: .review, delay: nil),
    Row(
      phase: .learning, step: 0, rating: .hard, expectedPhase: .learning, expectedStep: 0,
      delay: 330),
    Row(
      phase: .learning, step: 1, rating: .again, expectedPhase: .learning, expectedStep: 0,
      delay: 60),
    // Hard on a later step repeats that step.
    Row(
      phase: .learning, step: 1, rating: .hard, expectedPhase: .learning, expectedStep: 1,
      delay: 600),
    Row(phase: .learning, step: 1, rating: .good, expectedPhase: .review, delay: nil),
    Row(phase: .learning, step: 1, rating: .easy, expectedPhase: .review, delay: nil),
    // One step: Hard waits 1.5 × the step, Good graduates.
    Row(
      learning: [600], phase: .new, rating: .hard, expectedPhase: .learning, expectedStep: 0,
      delay: 900),
    Row(learning: [600], phase: .new, rating: .good, expectedPhase: .review, delay: nil),
    // Three steps: Hard on step 0 waits the mean of the first two.
    Row(
      learning: [60, 300, 3600], phase: .learning, step: 1, rating: .good,
      expectedPhase: .learning, expectedStep: 2, delay: 3600),
    Row(
      learning: [60, 300, 3600], phase: .learning, step: 0, rating: .hard,
      expectedPhase: .learning, expectedStep: 0, delay: 180),
    // No learning steps: every rating goes straight to review.
    Row(learning: [], phase: .new, rating: .again, expectedPhase: .review, delay: nil),
    Row(
      learning: [], phase: .learning, step: 0, rating: .hard, expectedPhase: .review,
      delay: nil),
    // A step index beyond the list (steps were removed): graduate unless Again.
    Row(phase: .learning, step: 5, rating: .hard, expectedPhase: .review, delay: nil),
    Row(
      phase: .learning, step: 5, rating: .again, expectedPhase: .learning, expectedStep: 0,
      delay: 60),
    // Review lapses go to relearning step 0, or stay in review without relearning steps.
    Row(phase: .review, rating: .again, expectedPhase: .relearning, expectedStep: 0, delay: 600),
    Row(relearning: [], phase: .review, rating: .again, expectedPhase: .review, delay: nil),
    Row(phase: .review, rating: .hard, expectedPhase: .review, delay: nil),
    Row(phase: .review, rating: .easy, expectedPhase: .review, delay: nil),
    // Relearning uses the relearning steps in the same way.
    Row(
      relearning: [600, 3600], phase: .relearning, step: 0, rating: .hard,
      expectedPhase: .relearning, expectedStep: 0, delay: 2100),
    Row(
      relearning: [600, 3600], phase: .relearning, step: 0, rating: .good,
      expectedPhase: .relearning, expectedStep: 1, delay: 3600),
    Row(
      relearning: [600, 3600], phase: .relearning, step: 1, rating: .good,
      expectedPhase: .review, delay: nil),
    Row(
      relearning: [600, 3600], phase: .relearning, step: 1, rating: .again,
      expectedPhase: .relearning, expectedStep: 0, delay: 600),
    Row(
      relearning: [600], phase: .relearning, step: 0, rating: .hard,
      expectedPhase: .relearning, expectedStep: 0, delay: 900),
    Row(
      relearning: [], phase: .relearning, step: 0, rating: .again, expectedPhase: .review,
      delay: nil),
  ]

  @Test("transition", arguments: rows)
  func transition(_ row: Row) throws {
    let scheduler = Scheduler(
      try SchedulerConfiguration(
        learningSteps: row.learning, relearningSteps: row.relearning, fuzz: false))
    let card: CardSchedule
    if row.phase == .new {
      card = .new(due: Self.now)
    } else {
      card = CardSchedule(
        phase: row.phase, step: row.step, stability: 5, difficulty: 5, due: Self.now,
        lastReview: Self.now - 3 * 86_400, reps: 4, lapses: 1)
    }
    let next = scheduler.next(card, rating: row.rating, at: Self.now, fuzzSeed: 0)
    #expect(next.phase == row.expectedPhase)
    #expect(next.step == row.expectedStep)
    #expect(next.lastReview == Self.now)
    #expect(next.reps == card.reps + 1)
    // Only an Again in review is a lapse.
    #expect(next.lapses == card.lapses + (row.phase == .review && row.rating == .again ? 1 : 0))
    if let delay = row.delay {
      #expect(next.due == Self.now + delay)
      #expect(next.scheduledDays == nil)
    } else {
      let days = try #require(next.scheduledDays)
      #expect(days >= 1)
      #expect(next.due == Self.now + Double(days) * 86_400)
    }
  }

  @Test("Easy on a new card graduates to S0(Easy) = 8.2956 days, rounded to 8")
  func easyGraduation() throws {
    let scheduler = Scheduler(try SchedulerConfiguration(fuzz: false))
    let next = scheduler.next(.new(due: Self.now), rating: .easy, at: Self.now, fuzzSeed: 0)
    #expect(next.stability == 8.2956)
    #expect(next.difficulty == 1)
    #expect(next.scheduledDays == 8)
  }

  @Test("Hard on step 0 never graduates (reference/fsrs.md hard_x8)")
  func hardForever() throws {
    let scheduler = Scheduler(try SchedulerConfiguration(fuzz: false))
    var card = CardSchedule.new(due: Self.now)
    var now = Self.now
    for _ in 0..<8 {
      card = scheduler.next(card, rating: .hard, at: now, fuzzSeed: 0)
      #expect(card.phase == .learning && card.step == 0)
      #expect(card.due == now + 330)
      now = card.due
    }
  }
}
