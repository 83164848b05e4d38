import Foundation
import Testing

@testable import RecallCore

/// Vectors shared across FSRS ports (reference/fsrs.md §2.2–2.3), replayed through the public
/// scheduler in reference mode with fuzz off. Numbers are py-fsrs 6.3.2's, as published there.
@Suite("Shared FSRS vectors")
struct SharedVectorTests {
  static let t0 = ISO8601Time.parse("2024-01-01T12:00:00Z")!

  /// When to answer: at the card's due time, or a fixed time after the previous answer.
  enum When: Sendable {
    case due
    case after(TimeInterval)
  }

  struct Scenario: CustomStringConvertible, Sendable {
    var name: String
    var learningSteps: [TimeInterval] = [60, 600]
    var relearningSteps: [TimeInterval] = [600]
    var desiredRetention = 0.9
    var maximumInterval = 36500
    var answers: [(Rating, When)]
    /// Whole days between each answer and the due date it sets.
    var intervals: [Int]

    var description: String { name }
  }

  static func atDue(_ ratings: [Rating]) -> [(Rating, When)] {
    ratings.map { ($0, .due) }
  }

  static let day: TimeInterval = 86_400

  static let scenarios: [Scenario] = [
    Scenario(
      name: "good_x13_at_due", answers: atDue(Array(repeating: .good, count: 13)),
      intervals: [0, 2, 11, 46, 163, 498, 1348, 3299, 7415, 15504, 30474, 36500, 36500]),
    Scenario(
      name: "py_fsrs_test_review_card",
      answers: atDue([
        .good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good,
        .good,
      ]),
      intervals: [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]),
    Scenario(
      name: "again_then_good", answers: atDue([.again] + Array(repeating: .good, count: 8)),
      intervals: [0, 0, 1, 2, 7, 19, 48, 111, 239]),
    Scenario(
      name: "hard_x8", answers: atDue(Array(repeating: .hard, count: 8)),
      intervals: Array(repeating: 0, count: 8)),
    Scenario(
      name: "easy_x6", answers: atDue(Array(repeating: .easy, count: 6)),
      intervals: [8, 66, 397, 1875, 7265, 23933]),
    Scenario(
      name: "mixed",
      answers: atDue([
        .good, .good, .hard, .good, .again, .good, .easy, .good, .again, .again, .good, .good,
      ]),
      intervals: [0, 2, 8, 26, 0, 2, 7, 16, 0, 0, 1, 1]),
    Scenario(
      name: "late_and_early",
      answers: [
        (.good, .due), (.good, .due), (.good, .after(10 * day)), (.good, .after(day)),
        (.good, .after(5 * 3_600)), (.easy, .after(100 * day)), (.again, .after(400 * day)),
        (.good, .due), (.good, .due),
      ],
      intervals: [0, 2, 25, 29, 29, 346, 0, 7, 17]),
    Scenario(
      name: "no_learning_steps", learningSteps: [], relearningSteps: [],
      answers: atDue([.good, .good, .again, .good, .hard, .easy]),
      intervals: [2, 11, 2, 5, 9, 27]),
    Scenario(
      name: "dr_0.8_max_365", desiredRetention: 0.8, maximumInterval: 365,
      answers: atDue(Array(repeating: .easy, count: 8)),
      intervals: [28, 365, 365, 365, 365, 365, 365, 365]),
    Scenario(
      name: "py_fsrs_test_memo_state",
      answers: [
        (.again, .after(0)), (.good, .after(0)), (.good, .after(day)), (.good, .after(3 * day)),
        (.good, .after(8 * day)), (.good, .after(21 * day)),
      ],
      intervals: [0, 0, 2, 8, 22, 54]),
  ]

  static func run(_ scenario: Scenario) throws -> [CardSchedule] {
    let scheduler = Scheduler(
      try SchedulerConfiguration(
        desiredRetention: scenario.desiredRetention, learningSteps: scenario.learningSteps,
        relearningSteps: scenario.relearningSteps, maximumInterval: scenario.maximumInterval,
        fuzz: false))
    var card = CardSchedule.new(due: t0)
    var history: [CardSchedule] = []
    for (index, (rating, when)) in scenario.answers.enumerated() {
      var now = t0
      if index > 0 {
        switch when {
        case .due: now = card.due
        case .after(let seconds): now = card.lastReview! + seconds
        }
      }
      card = scheduler.next(card, rating: rating, at: now, fuzzSeed: 0)
      history.append(card)
    }
    return history
  }

  @Test("interval history", arguments: scenarios)
  func intervals(_ scenario: Scenario) throws {
    let history = try Self.run(scenario)
    let days = history.map {
      Int(($0.due.timeIntervalSince($0.lastReview!) / Self.day).rounded(.down))
    }
    #expect(days == scenario.intervals)
  }

  @Test("py-fsrs test_memo_state: S = 53.626902917141365, D = 6.357487083997829")
  func memoState() throws {
    let scenario = try #require(Self.scenarios.first { $0.name == "py_fsrs_test_memo_state" })
    let last = try #require(try Self.run(scenario).last)
    #expect(last.stability == 53.626902917141365)
    #expect(last.difficulty == 6.357487083997829)
    // fsrs-rs publishes the same state from f32 arithmetic: S = 53.62691, D = 6.3574867.
    #expect(relativeError(last.stability!, 53.62691) < 1e-6)
    #expect(relativeError(last.difficulty!, 6.3574867) < 1e-6)
  }

  @Test("first review: S0 and D0 for each rating (ts-fsrs, swift-fsrs 'first repeat')")
  func firstReview() throws {
    let scheduler = Scheduler(try SchedulerConfiguration(fuzz: false))
    let expected: [Rating: (Double, Double, Int)] = [
      .again: (0.212, 6.4133, 0), .hard: (1.2931, 5.11217071, 0),
      .good: (2.3065, 2.11810397, 0), .easy: (8.2956, 1, 8),
    ]
    let preview = scheduler.preview(.new(due: Self.t0), at: Self.t0, fuzzSeed: 0)
    for (rating, (stability, difficulty, days)) in expected {
      let card = try #require(preview[rating])
      #expect(card.stability == stability)
      #expect(abs(card.difficulty! - difficulty) < 1e-8)
      #expect(Int(card.due.timeIntervalSince(Self.t0) / Self.day) == days)
    }
  }

  @Test("fsrs-rs test_next_interval: S = 1 at retention 0.1 … 0.9")
  func nextIntervalTable() {
    let model = FSRSModel()
    let expected = [3_116_766, 34_793, 2_508, 387, 90, 27, 9, 3, 1]
    let got = (1...9).map {
      Int(model.intervalDays(stability: 1, desiredRetention: Double($0) / 10).rounded())
    }
    // fsrs-rs computes in f32, which moves the 3-million-day value by a few days.
    #expect(relativeError(Double(got[0]), Double(expected[0])) < 2e-6)
    #expect(got.dropFirst() == expected.dropFirst())
  }
}
