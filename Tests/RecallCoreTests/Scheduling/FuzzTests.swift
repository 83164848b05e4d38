import Foundation
import Testing

@testable import RecallCore

@Suite("Fuzz")
struct FuzzTests {
  static let now = Date(timeIntervalSince1970: 1_704_110_400)  // 2024-01-01T12:00:00Z

  /// A review card answered Good a few hours after its last review: the same-day formula leaves
  /// S unchanged (the Good factor is floored at 1), so at 90 % retention the unfuzzed interval is
  /// exactly `stability` days.
  static func reviewCard(stability: Double, scheduledDays: Int? = nil) -> CardSchedule {
    CardSchedule(
      phase: .review, step: nil, stability: stability, difficulty: 5, due: now,
      lastReview: now - 3 * 3_600, reps: 5, lapses: 0, scheduledDays: scheduledDays)
  }

  @Test("SplitMix64: seed 0 gives the published first output 0xE220A8397B1DCDAF")
  func splitMix() {
    let first: UInt64 = 0xe220_a839_7b1d_cdaf
    #expect(FuzzSeed.unitInterval(0) == Double(first >> 11) / 9_007_199_254_740_992)
  }

  @Test("seeds map to [0, 1) and spread evenly")
  func uniform() {
    var buckets = [Int](repeating: 0, count: 10)
    for seed in 0..<UInt64(20_000) {
      let unit = FuzzSeed.unitInterval(seed)
      #expect(unit >= 0 && unit < 1)
      buckets[Int(unit * 10)] += 1
    }
    // 2,000 expected per bucket; 5 standard deviations is about ±210.
    #expect(buckets.allSatisfy { abs($0 - 2_000) < 250 }, "\(buckets)")
  }

  @Test("seed helpers are Anki's card id + reps and a stable string hash")
  func seeds() {
    #expect(FuzzSeed.make(cardID: 1_000, reps: 7) == 1_007)
    #expect(FuzzSeed.make(cardID: .max, reps: 1) == 0)
    // FNV-1a 64 of the empty string is the offset basis; of "a" it is 0xaf63dc4c8601ec8c.
    #expect(FuzzSeed.make(cardID: "", reps: 0) == 0xcbf2_9ce4_8422_2325)
    #expect(FuzzSeed.make(cardID: "a", reps: 2) == 0xaf63_dc4c_8601_ec8c &+ 2)
  }

  @Test("the same seed always gives the same schedule", arguments: [false, true])
  func deterministic(live: Bool) throws {
    let mode: SchedulerMode =
      live ? .live(timeZone: TimeZone(identifier: "Europe/Berlin")!) : .reference
    let scheduler = Scheduler(try SchedulerConfiguration(mode: mode))
    let card = Self.reviewCard(stability: 100, scheduledDays: 90)
    for seed in [0, 1, 42, UInt64.max] {
      let first = scheduler.next(card, rating: .good, at: Self.now, fuzzSeed: seed)
      let second = scheduler.next(card, rating: .good, at: Self.now, fuzzSeed: seed)
      #expect(first == second)
      #expect(scheduler.preview(card, at: Self.now, fuzzSeed: seed)[.good] == first)
    }
  }

  /// reference/fsrs.md §2.2: py-fsrs fuzz with random() = 0 and → 1.
  @Test(
    "reference fuzz covers py-fsrs' range, max + 1 included",
    arguments: [(3, 2, 5), (5, 4, 7), (10, 8, 13), (30, 27, 34), (100, 93, 108)])
  func referenceRange(interval: Int, lowest: Int, highest: Int) throws {
    let scheduler = Scheduler(try SchedulerConfiguration())
    let card = Self.reviewCard(stability: Double(interval))
    var seen = Set<Int>()
    for seed in 0..<UInt64(3_000) {
      let next = scheduler.next(card, rating: .good, at: Self.now, fuzzSeed: seed)
      seen.insert(try #require(next.scheduledDays))
    }
    #expect(seen.min() == lowest && seen.max() == highest)
    #expect(seen == Set(lowest...highest))
  }

  @Test("fuzz is off below 2.5 days and when disabled")
  func noFuzz() throws {
    let fuzzed = Scheduler(try SchedulerConfiguration())
    let plain = Scheduler(try SchedulerConfiguration(fuzz: false))
    for seed in 0..<UInt64(200) {
      #expect(
        fuzzed.next(Self.reviewCard(stability: 2), rating: .good, at: Self.now, fuzzSeed: seed)
          .scheduledDays == 2)
      #expect(
        plain.next(Self.reviewCard(stability: 50), rating: .good, at: Self.now, fuzzSeed: seed)
          .scheduledDays == 50)
    }
  }

  @Test("fuzz never exceeds the maximum interval")
  func maximum() throws {
    let scheduler = Scheduler(try SchedulerConfiguration(maximumInterval: 100))
    for seed in 0..<UInt64(500) {
      let next = scheduler.next(
        Self.reviewCard(stability: 100), rating: .good, at: Self.now, fuzzSeed: seed)
      #expect((93...100).contains(next.scheduledDays ?? 0))
    }
  }

  /// Anki rslib/src/scheduler/states/fuzz.rs `with_review_fuzz` test: fuzz factor 0, 0.5, 0.99.
  @Test(
    "Anki's fuzz bounds",
    arguments: [
      (1.0, 1, 1000, [1, 1, 1]), (2.49, 1, 1000, [2, 2, 2]), (2.5, 1, 1000, [2, 3, 4]),
      (7.0, 1, 1000, [5, 7, 9]), (17.0, 1, 1000, [14, 17, 20]), (37.0, 1, 1000, [33, 37, 41]),
      (2.0, 2, 1000, [2, 2, 2]), (2.0, 3, 1000, [3, 4, 4]), (2.0, 3, 3, [3, 3, 3]),
      (6.9, 3, 1000, [5, 7, 9]), (7.1, 3, 1000, [5, 7, 9]), (19.9, 3, 1000, [17, 20, 23]),
      (20.0, 3, 1000, [17, 20, 23]), (20.1, 3, 1000, [17, 20, 23]),
      (100.0, 101, 1000, [101, 105, 108]), (100.0, 1, 99, [92, 96, 99]),
      (100.0, 97, 103, [97, 100, 103]),
    ])
  func ankiBounds(interval: Double, minimum: Int, maximum: Int, expected: [Int]) {
    let got = [0.0, 0.5, 0.99].map {
      Fuzz.ankiInterval(interval, minimum: minimum, maximum: maximum, unit: $0)
    }
    #expect(got == expected)
  }

  @Test("Anki's unfuzzed rounding and minimum_review_fuzz_interval")
  func ankiMinimum() {
    #expect(Fuzz.ankiInterval(1.5, minimum: 1, maximum: 100, unit: nil) == 2)
    #expect(Fuzz.ankiInterval(0.1, minimum: 1, maximum: 100, unit: nil) == 1)
    #expect(Fuzz.ankiInterval(101, minimum: 1, maximum: 100, unit: nil) == 100)
    // Anki's own test values.
    #expect(
      Fuzz.ankiMinimumReviewInterval(2.7269483, previousInterval: 4, maximumInterval: 36500) == 4)
    #expect(
      Fuzz.ankiMinimumReviewInterval(2.7269483, previousInterval: 5, maximumInterval: 36500) == 0)
    #expect(
      Fuzz.ankiMinimumReviewInterval(4.591988, previousInterval: 4, maximumInterval: 36500) == 5)
  }
}

@Suite("Interval rounding")
struct IntervalRoundingTests {
  @Test("reference mode rounds half to even like Python's round, then clamps to 1…maximum")
  func reference() throws {
    let scheduler = Scheduler(try SchedulerConfiguration(fuzz: false))
    #expect(scheduler.referenceIntervalDays(2.5) == 2)
    #expect(scheduler.referenceIntervalDays(3.5) == 4)
    #expect(scheduler.referenceIntervalDays(2.5000001) == 3)
    #expect(scheduler.referenceIntervalDays(0.4) == 1)
    #expect(scheduler.referenceIntervalDays(1e300) == 36500)
    #expect(scheduler.referenceIntervalDays(.infinity) == 36500)
  }

  @Test("live mode rounds half away from zero like Rust's f32::round")
  func live() {
    #expect(Fuzz.ankiInterval(2.5, minimum: 1, maximum: 100, unit: nil) == 3)
    #expect(Fuzz.ankiInterval(3.5, minimum: 1, maximum: 100, unit: nil) == 4)
    #expect(Fuzz.ankiInterval(1e300, minimum: 1, maximum: 100, unit: nil) == 100)
  }
}
