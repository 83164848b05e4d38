import Foundation
import Testing

@testable import RecallCore

/// Live mode: Anki's day boundaries, button ordering and fuzz floor. Times are written in UTC;
/// the comments give New York local time (EST = UTC−5, EDT = UTC−4; DST began 2024-03-10 02:00
/// and ended 2024-11-03 02:00).
@Suite("Live mode")
struct LiveModeTests {
  static let newYork = TimeZone(identifier: "America/New_York")!

  static func time(_ text: String) -> Date {
    ISO8601Time.parse(text)!
  }

  static func scheduler(fuzz: Bool = false, steps: [TimeInterval] = [60, 600]) throws -> Scheduler {
    Scheduler(
      try SchedulerConfiguration(
        learningSteps: steps, fuzz: fuzz, mode: .live(dayStartHour: 4, timeZone: newYork)))
  }

  @Test(
    "elapsed days count 4 am day starts crossed, across DST changes",
    arguments: [
      // 04:30 EST Mar 9 → 03:59:59 EDT Mar 10 (22.5 h, 22 h 29 m 59 s): no day start crossed.
      ("2024-03-09T09:30:00Z", "2024-03-10T07:59:59Z", 0, 0),
      // → 04:00 EDT Mar 10: the 23-hour day is over after 22.5 hours.
      ("2024-03-09T09:30:00Z", "2024-03-10T08:00:00Z", 1, 0),
      // 04:30 EDT Nov 2 → 03:59:59 EST Nov 3: 24.5 hours, still the same 25-hour day.
      ("2024-11-02T08:30:00Z", "2024-11-03T08:59:59Z", 0, 1),
      // → 04:00 EST Nov 3.
      ("2024-11-02T08:30:00Z", "2024-11-03T09:00:00Z", 1, 1),
      // 23:00 EST Mar 8 → 03:00 EST Mar 9 (before 4 am): same study day.
      ("2024-03-09T04:00:00Z", "2024-03-09T08:00:00Z", 0, 0),
      // 03:00 EST Mar 9 (still Mar 8's day) → 04:00 EDT Mar 12: Mar 9, 10, 11, 12 started.
      ("2024-03-09T08:00:00Z", "2024-03-12T08:00:00Z", 4, 3),
    ])
  func elapsedDays(from: String, to: String, live: Int, reference: Int) throws {
    #expect(try Self.scheduler().elapsedDays(from: Self.time(from), to: Self.time(to)) == live)
    #expect(Scheduler().elapsedDays(from: Self.time(from), to: Self.time(to)) == reference)
  }

  @Test(
    "review cards fall due at 4 am local time on the target day",
    arguments: [
      // Easy on a new card: S0 = 8.2956 → 8 days.
      // 10:00 EST Mar 5 → Mar 13 04:00 EDT.
      ("2024-03-05T15:00:00Z", "2024-03-13T08:00:00Z"),
      // 03:30 EST Mar 6 is still Mar 5's study day → the same due.
      ("2024-03-06T08:30:00Z", "2024-03-13T08:00:00Z"),
      // 10:00 EDT Oct 30 → Nov 7 04:00 EST.
      ("2024-10-30T14:00:00Z", "2024-11-07T09:00:00Z"),
      // 23:30 EDT Nov 1 → Nov 9 04:00 EST.
      ("2024-11-02T03:30:00Z", "2024-11-09T09:00:00Z"),
    ])
  func dueAtDayStart(answered: String, due: String) throws {
    let now = Self.time(answered)
    let next = try Self.scheduler().next(.new(due: now), rating: .easy, at: now, fuzzSeed: 0)
    #expect(next.scheduledDays == 8)
    #expect(next.due == Self.time(due))
  }

  @Test("a day start inside the spring-forward gap begins at the first valid instant")
  func dayStartInDSTGap() throws {
    // Days start at 02:00, which does not exist on 2024-03-10 in New York: that day starts at
    // 03:00 EDT (07:00Z), and 02:30 EST the day before still belongs to Mar 9.
    let scheduler = Scheduler(
      try SchedulerConfiguration(
        fuzz: false, mode: .live(dayStartHour: 2, timeZone: Self.newYork)))
    let now = Self.time("2024-03-02T15:00:00Z")  // 10:00 EST Mar 2
    let next = scheduler.next(.new(due: now), rating: .easy, at: now, fuzzSeed: 0)
    #expect(next.scheduledDays == 8)
    #expect(next.due == Self.time("2024-03-10T07:00:00Z"))
    #expect(
      scheduler.elapsedDays(
        from: Self.time("2024-03-09T07:30:00Z"), to: Self.time("2024-03-10T06:59:59Z")) == 0)
    #expect(
      scheduler.elapsedDays(
        from: Self.time("2024-03-09T07:30:00Z"), to: Self.time("2024-03-10T07:00:00Z")) == 1)
  }

  @Test("learning steps stay in seconds from the answer")
  func steps() throws {
    let now = Self.time("2024-03-10T06:59:00Z")  // 01:59 EST, a minute before the DST jump
    let next = try Self.scheduler().next(.new(due: now), rating: .good, at: now, fuzzSeed: 0)
    #expect(next.phase == .learning && next.due == now + 600)
  }

  @Test("a review across a 23-hour day start uses the long-term formula; reference mode does not")
  func sameDayDecisionFollowsDayStarts() throws {
    let first = Self.time("2024-03-09T09:30:00Z")  // 04:30 EST Mar 9
    let second = Self.time("2024-03-10T08:30:00Z")  // 04:30 EDT Mar 10, 23 hours later
    let card = CardSchedule(
      phase: .learning, step: 1, stability: 2.3065, difficulty: 2.118103970459016, due: second,
      lastReview: first, reps: 1, lapses: 0)
    let live = try Self.scheduler().next(card, rating: .good, at: second, fuzzSeed: 0)
    let reference = Scheduler(try SchedulerConfiguration(fuzz: false))
      .next(card, rating: .good, at: second, fuzzSeed: 0)

    // Default weights, written out: w8 = 1.8722, w9 = 0.1666, w10 = 0.796, w17…w19 =
    // 0.5425, 0.0912, 0.0658, decay 0.1542.
    let s = 2.3065
    let d = 2.118103970459016
    let factor = pow(0.9, -1 / 0.1542) - 1
    let r = pow(1 + factor * 1 / s, -0.1542)  // one day elapsed
    let longTerm = s * (1 + exp(1.8722) * (11 - d) * pow(s, -0.1666) * (exp(0.796 * (1 - r)) - 1))
    let shortTerm = s * max(exp(0.5425 * (0 + 0.0912)) * pow(s, -0.0658), 1)
    #expect(abs(live.stability! - longTerm) < 1e-9 * longTerm)
    #expect(abs(reference.stability! - shortTerm) < 1e-12)
    #expect(reference.stability! == s)
  }

  /// A review card answered a few hours after its last review with S = 10 and a 10-day
  /// interval. Same-day formula with default weights: the Hard and Good factors are below 1 and
  /// floored to 1 (S stays 10), Easy multiplies by e^(0.5425·1.0912)·10^(−0.0658) ≈ 1.55343.
  static func sameDayReviewCard(at now: Date) -> CardSchedule {
    CardSchedule(
      phase: .review, step: nil, stability: 10, difficulty: 5, due: now,
      lastReview: now - 2 * 3_600, reps: 6, lapses: 0, scheduledDays: 10)
  }

  @Test("Hard < Good < Easy is enforced in live mode but not in reference mode")
  func ordering() throws {
    let now = Self.time("2024-06-01T16:00:00Z")
    let card = Self.sameDayReviewCard(at: now)
    let easyStability = 10 * exp(0.5425 * (1 + 0.0912)) * pow(10, -0.0658)
    #expect(abs(easyStability - 15.5343) < 1e-4)

    let reference = Scheduler(try SchedulerConfiguration(fuzz: false))
      .preview(card, at: now, fuzzSeed: 0)
    #expect(reference[.hard]?.scheduledDays == 10)
    #expect(reference[.good]?.scheduledDays == 10)
    #expect(reference[.easy]?.scheduledDays == 16)

    let live = try Self.scheduler().preview(card, at: now, fuzzSeed: 0)
    // Hard keeps the previous 10 days (fuzz floor), Good is pushed to Hard + 1.
    #expect(live[.hard]?.scheduledDays == 10)
    #expect(live[.good]?.scheduledDays == 11)
    #expect(live[.easy]?.scheduledDays == 16)
    // Memory states are the same in both modes; only intervals differ.
    #expect(live[.good]?.stability == reference[.good]?.stability)
    for rating in Rating.allCases {
      #expect(
        live[rating] == (try Self.scheduler()).next(card, rating: rating, at: now, fuzzSeed: 0))
    }
  }

  @Test("with fuzz on, live intervals stay ordered for any seed and state", arguments: 0..<40)
  func orderingProperty(_ index: Int) throws {
    let scheduler = try Self.scheduler(fuzz: true)
    let now = Self.time("2024-03-10T15:00:00Z")
    var generator = SeededNumbers(seed: UInt64(index))
    for _ in 0..<50 {
      let stability = 0.1 + generator.unit() * 400
      let elapsed = Double(Int(generator.unit() * 60)) * 86_400 + generator.unit() * 80_000
      let card = CardSchedule(
        phase: .review, step: nil, stability: stability, difficulty: 1 + generator.unit() * 9,
        due: now, lastReview: now - elapsed, reps: 5, lapses: 0,
        scheduledDays: 1 + Int(generator.unit() * 300))
      let preview = scheduler.preview(card, at: now, fuzzSeed: generator.next())
      let hard = try #require(preview[.hard]?.scheduledDays)
      let good = try #require(preview[.good]?.scheduledDays)
      let easy = try #require(preview[.easy]?.scheduledDays)
      #expect(hard >= 1 && good >= hard + 1 && easy >= good + 1, "\(card): \(hard) \(good) \(easy)")
    }
  }

  @Test("live fuzz never goes below the previous interval; reference fuzz does")
  func fuzzFloor() throws {
    let now = Self.time("2024-06-01T16:00:00Z")
    // S = 20 and Hard the same day: the Hard factor is floored to 1, so the model interval is
    // exactly the previous 20 days. (Hard rather than Good because Good must also exceed Hard.)
    var card = Self.sameDayReviewCard(at: now)
    card.stability = 20
    card.scheduledDays = 20
    let live = try Self.scheduler(fuzz: true)
    let reference = Scheduler(try SchedulerConfiguration(fuzz: true))
    var liveDays = Set<Int>()
    var referenceDays = Set<Int>()
    for seed in 0..<UInt64(2_000) {
      liveDays.insert(live.next(card, rating: .hard, at: now, fuzzSeed: seed).scheduledDays!)
      referenceDays.insert(
        reference.next(card, rating: .hard, at: now, fuzzSeed: seed).scheduledDays!)
    }
    // Fuzz range around 20: delta = 1 + 0.15·4.5 + 0.1·13 = 2.975 → [17, 23].
    #expect(referenceDays.min() == 17)
    #expect(liveDays.min() == 20)
    #expect(liveDays.max() == 23)
    // Anki floors where py-fsrs rounds, so py-fsrs can reach upper + 1.
    #expect(referenceDays.max() == 24)
  }

  @Test("live Again without relearning steps is not fuzzed and counts a lapse")
  func lapseWithoutRelearning() throws {
    let now = Self.time("2024-06-01T16:00:00Z")
    let scheduler = Scheduler(
      try SchedulerConfiguration(
        relearningSteps: [], fuzz: true, mode: .live(timeZone: Self.newYork)))
    let card = CardSchedule(
      phase: .review, step: nil, stability: 30, difficulty: 5, due: now,
      lastReview: now - 30 * 86_400, reps: 6, lapses: 2, scheduledDays: 30)
    let outcomes = Set(
      (0..<UInt64(50)).map {
        scheduler.next(card, rating: .again, at: now, fuzzSeed: $0).scheduledDays
      })
    #expect(outcomes.count == 1)
    let next = scheduler.next(card, rating: .again, at: now, fuzzSeed: 0)
    #expect(next.phase == .review && next.lapses == 3)
    #expect(next.scheduledDays == Int(next.stability!.rounded()))
  }
}

/// A tiny deterministic source of test inputs (SplitMix64), independent of the library's.
struct SeededNumbers: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  mutating func unit() -> Double {
    Double(next() >> 11) / 9_007_199_254_740_992
  }
}
