import Foundation

/// The FSRS-6 scheduler: given a card's schedule, a rating and the time of the answer, it returns
/// the card's next schedule.
///
/// The scheduler is a value with no state of its own; the same inputs always give the same
/// output, fuzz included (see ``FuzzSeed``). In ``SchedulerMode/reference`` mode it reproduces
/// py-fsrs 6.3.2 `Scheduler.review_card`; in ``SchedulerMode/live(dayStartHour:timeZone:)`` mode it
/// follows Anki's day boundaries and button ordering (see ``SchedulerMode`` for the differences).
///
/// ```swift
/// let scheduler = Scheduler(try SchedulerConfiguration(mode: .live(timeZone: .current)))
/// let seed = FuzzSeed.make(cardID: 42, reps: card.reps)
/// let buttons = scheduler.preview(card, at: .now, fuzzSeed: seed)
/// card = scheduler.next(card, rating: .good, at: .now, fuzzSeed: seed)  // == buttons[.good]
/// ```
public struct Scheduler: Sendable {
  /// The validated settings this scheduler applies.
  public let configuration: SchedulerConfiguration
  /// The memory model built from ``SchedulerConfiguration/parameters``.
  public let model: FSRSModel
  private let day: SchedulingDay?

  /// Creates a scheduler; the configuration is already validated, so this cannot fail.
  public init(_ configuration: SchedulerConfiguration = .default) {
    self.configuration = configuration
    model = FSRSModel(parameters: configuration.parameters)
    switch configuration.mode {
    case .reference:
      day = nil
    case .live(let dayStartHour, let timeZone):
      day = SchedulingDay(dayStartHour: dayStartHour, timeZone: timeZone)
    }
  }

  /// Whole days between two instants as the memory model sees them.
  ///
  /// Reference mode counts complete 24-hour periods (py-fsrs `timedelta.days`, a floor); the
  /// difference is first rounded to whole microseconds, the resolution of Python's `datetime`,
  /// so that a review exactly N days later is never counted as N − 1 because of binary rounding
  /// in `Date`. Live mode counts day starts crossed. Negative when `now` is before `lastReview`.
  public func elapsedDays(from lastReview: Date, to now: Date) -> Int {
    if let day {
      return day.elapsedDays(from: lastReview, to: now)
    }
    let microseconds = (now.timeIntervalSince(lastReview) * 1e6).rounded()
    return Self.wholeNumber((microseconds / 86_400e6).rounded(.down))
  }

  /// Probability that the card is recalled at `now`; 0 for a card that has never been reviewed.
  ///
  /// Uses whole elapsed days (see ``elapsedDays(from:to:)``), exactly the value that the stability
  /// update of an answer at `now` would use; earlier-than-last-review times count as 0 days.
  public func retrievability(of card: CardSchedule, at now: Date) -> Double {
    guard let lastReview = card.lastReview, let stability = card.stability else { return 0 }
    let elapsed = max(0, elapsedDays(from: lastReview, to: now))
    return model.retrievability(elapsedDays: Double(elapsed), stability: stability)
  }

  /// The card's schedule after answering `rating` at `now`.
  ///
  /// - Parameter fuzzSeed: identifies this answer, e.g. ``FuzzSeed/make(cardID:reps:)`` with the
  ///   card's review count before the answer; ignored when fuzz is off. In live mode the result
  ///   equals ``preview(_:at:fuzzSeed:)``'s entry for `rating`.
  public func next(
    _ card: CardSchedule, rating: Rating, at now: Date, fuzzSeed: UInt64
  ) -> CardSchedule {
    switch configuration.mode {
    case .reference:
      return referenceSchedule(card, rating: rating, at: now, unit: fuzzUnit(fuzzSeed))
    case .live:
      // Good and Easy depend on the intervals of the buttons before them.
      return liveSchedules(card, at: now, unit: fuzzUnit(fuzzSeed))[rating]!
    }
  }

  /// The schedules the card would get for each of the four ratings, for showing on the buttons.
  ///
  /// Every entry equals ``next(_:rating:at:fuzzSeed:)`` with the same arguments.
  public func preview(
    _ card: CardSchedule, at now: Date, fuzzSeed: UInt64
  ) -> [Rating: CardSchedule] {
    let unit = fuzzUnit(fuzzSeed)
    switch configuration.mode {
    case .reference:
      var result: [Rating: CardSchedule] = [:]
      for rating in Rating.allCases {
        result[rating] = referenceSchedule(card, rating: rating, at: now, unit: unit)
      }
      return result
    case .live:
      return liveSchedules(card, at: now, unit: unit)
    }
  }

  // MARK: - Shared state machine

  /// How long until the card is due, before the mode turns it into a date.
  enum Wait: Equatable {
    /// A (re)learning step in seconds.
    case seconds(TimeInterval)
    /// A review interval straight from the memory model, unrounded.
    case days(Double)
  }

  /// The mode-independent part of an answer: new memory state, phase, step and wait.
  struct Transition: Equatable {
    var phase: SchedulingPhase
    var step: Int?
    var memory: MemoryState
    var wait: Wait
  }

  func transition(_ card: CardSchedule, rating: Rating, at now: Date) -> Transition {
    let memory: MemoryState
    let elapsed = card.lastReview.map { elapsedDays(from: $0, to: now) }
    if card.phase == .new {
      memory = model.initialState(rating: rating)
    } else if let current = card.memoryState {
      if let elapsed {
        memory = model.nextState(current, rating: rating, elapsedDays: elapsed)
      } else {
        // py-fsrs: a memory state without a last review takes the long-term formula with R = 0.
        memory = MemoryState(
          stability: model.nextStability(
            difficulty: current.difficulty, stability: current.stability, retrievability: 0,
            rating: rating),
          difficulty: model.nextDifficulty(current.difficulty, rating: rating))
      }
    } else {
      memory = model.initialState(rating: rating)
    }

    let reviewWait = Wait.days(
      model.intervalDays(
        stability: memory.stability, desiredRetention: configuration.desiredRetention))

    switch card.phase {
    case .new, .learning, .relearning:
      let relearning = card.phase == .relearning
      let steps = relearning ? configuration.relearningSteps : configuration.learningSteps
      let step = card.phase == .new ? 0 : (card.step ?? 0)
      switch LearningSteps.transition(steps: steps, step: step, rating: rating) {
      case .step(let index, let delay):
        return Transition(
          phase: relearning ? .relearning : .learning, step: index, memory: memory,
          wait: .seconds(delay))
      case .graduate:
        return Transition(phase: .review, step: nil, memory: memory, wait: reviewWait)
      }
    case .review:
      if rating == .again, let first = configuration.relearningSteps.first {
        return Transition(phase: .relearning, step: 0, memory: memory, wait: .seconds(first))
      }
      return Transition(phase: .review, step: nil, memory: memory, wait: reviewWait)
    }
  }

  private func answered(
    _ card: CardSchedule, rating: Rating, at now: Date, transition: Transition, due: Date,
    scheduledDays: Int?
  ) -> CardSchedule {
    CardSchedule(
      phase: transition.phase, step: transition.step, stability: transition.memory.stability,
      difficulty: transition.memory.difficulty, due: due, lastReview: now, reps: card.reps + 1,
      lapses: card.lapses + (card.phase == .review && rating == .again ? 1 : 0),
      scheduledDays: scheduledDays)
  }

  private func fuzzUnit(_ seed: UInt64) -> Double? {
    configuration.fuzz ? FuzzSeed.unitInterval(seed) : nil
  }

  // MARK: - Reference mode (py-fsrs 6.3.2)

  private func referenceSchedule(
    _ card: CardSchedule, rating: Rating, at now: Date, unit: Double?
  ) -> CardSchedule {
    let transition = transition(card, rating: rating, at: now)
    switch transition.wait {
    case .seconds(let delay):
      return answered(
        card, rating: rating, at: now, transition: transition, due: now + delay,
        scheduledDays: nil)
    case .days(let raw):
      var days = referenceIntervalDays(raw)
      if let unit {
        days = Fuzz.referenceInterval(
          intervalDays: days, maximumInterval: configuration.maximumInterval, unit: unit)
      }
      return answered(
        card, rating: rating, at: now, transition: transition,
        due: now + Double(days) * 86_400, scheduledDays: days)
    }
  }

  /// py-fsrs `_next_interval`: Python `round` (half to even), at least 1, at most the maximum.
  func referenceIntervalDays(_ raw: Double) -> Int {
    min(max(Self.wholeNumber(raw.rounded(.toNearestOrEven)), 1), configuration.maximumInterval)
  }

  // MARK: - Live mode (Anki)

  private func liveSchedules(
    _ card: CardSchedule, at now: Date, unit: Double?
  ) -> [Rating: CardSchedule] {
    guard let day else { return [:] }
    let today = day.number(of: now)
    let maximum = configuration.maximumInterval
    // Anki's `scheduled_days` of a review card, which anchors the fuzz floor.
    let previousInterval: Int? =
      card.phase == .review
      ? (card.scheduledDays
        ?? card.lastReview.map { day.number(of: card.due) - day.number(of: $0) } ?? 0)
      : nil

    var result: [Rating: CardSchedule] = [:]
    // Smallest interval the next passing button may get: Hard ≥ 1, Good ≥ Hard + 1,
    // Easy ≥ Good + 1, as in Anki's `passing_fsrs_review_intervals`. The maximum interval still
    // wins, so buttons can tie at it.
    var floor = 1
    for rating in Rating.allCases {
      let transition = transition(card, rating: rating, at: now)
      switch transition.wait {
      case .seconds(let delay):
        result[rating] = answered(
          card, rating: rating, at: now, transition: transition, due: now + delay,
          scheduledDays: nil)
        // A button that stays in steps puts no day floor on the next one.
        floor = 1
      case .days(let raw):
        let days: Int
        if rating == .again {
          // Anki's lapse interval without relearning steps: rounded, at least 1, never fuzzed.
          days = min(max(Self.wholeNumber(raw.rounded()), 1), maximum)
        } else {
          var minimum = floor
          var interval = raw
          if let previousInterval {
            minimum = max(
              minimum,
              Fuzz.ankiMinimumReviewInterval(
                raw, previousInterval: previousInterval, maximumInterval: maximum))
          } else {
            // Graduating cards: Anki rounds the model's interval before fuzzing it.
            interval = max(raw.rounded(), 1)
          }
          minimum = min(max(minimum, 1), maximum)
          days = Fuzz.ankiInterval(interval, minimum: minimum, maximum: maximum, unit: unit)
          floor = days + 1
        }
        result[rating] = answered(
          card, rating: rating, at: now, transition: transition,
          due: day.start(ofDay: today + days), scheduledDays: days)
      }
    }
    return result
  }

  /// Converts an already rounded Double to Int without trapping on huge or NaN values, which an
  /// extreme but valid parameter vector can produce after many reviews; clamping happens later.
  static func wholeNumber(_ value: Double) -> Int {
    guard !value.isNaN else { return 0 }
    return Int(min(max(value, -1e15), 1e15))
  }
}
