import Foundation

/// Plans study so that every card's predicted recall on the exam day reaches the target without
/// exceeding the daily limit.
///
/// The plan assumes each planned review is recalled (Good); it is meant to be recomputed every
/// day from the cards' real states, so a lapse simply shows up in tomorrow's plan. Steps:
///
/// 1. **Required studies.** New cards are introduced evenly over an introduction window; every
///    card is then reviewed whenever its predicted recall would fall to the review retention
///    (FSRS at that retention, at least the target), which keeps it at or above the target up
///    to the exam.
/// 2. **Levelling.** From the day before the exam back to tomorrow, a day over the daily peak
///    hands its most robust studies to the day before (introductions first: earlier only helps
///    them). Moving a review earlier never lets recall drop below what was planned; it only
///    costs some stability growth. What today cannot hold (a backlog) waits for the next days
///    with room, the most stable cards first. A study that lands on a day the card is already
///    studied merges with it.
/// 3. **Final pass.** Plain FSRS ignores the exam date, so a card reviewed three weeks before
///    the exam is on it with barely the target recall. Spare capacity goes to one last review as
///    close to the exam as possible for every card whose exam-day recall would be below
///    ``finalRecall``, the weakest cards getting the latest days.
/// 4. **Search.** The shortest introduction window whose required studies fit (new cards as
///    early as possible: more time, more reviews); the lowest daily peak that still fits, so the
///    load is spread evenly; then the highest review retention up to
///    ``maximumReviewRetention`` that fits and leaves ``slack`` of the total capacity for
///    relearning lapses.
/// 5. **Forecast.** Each card's planned days are replayed (recalled answers) to its predicted
///    exam-day recall; cards below the target are reported with the reason.
public struct ExamPlanner: Sendable {
  /// The scheduler's memory model.
  public let model: FSRSModel
  /// Exam-day recall below which a card gets a final review as close to the exam as capacity
  /// allows.
  public var finalRecall = 0.97
  /// The highest review retention the search tries.
  public var maximumReviewRetention = 0.97
  /// Share of the total capacity the retention search leaves unplanned, for relearning lapses.
  public var slack = 0.15

  /// Creates a planner with the learner's weights.
  public init(parameters: FSRSParameters = .default) {
    model = FSRSModel(parameters: parameters)
  }

  /// One planned study: a card on a day, with how robust the card is then (a moving priority).
  private struct Study {
    var card: Int
    var robustness: Double
    var isIntroduction: Bool
  }

  /// A schedule: the studies of each day, index 0 being today.
  private struct Schedule {
    var days: [[Study]]
    /// Studies today could not hold and that moved later.
    var pushed = 0
    var load: Int { days.reduce(0) { $0 + $1.count } }
  }

  /// The plan from `today` (whose studies may already be partly done; cards reviewed today have
  /// `lastReviewDay == today`) to the exam.
  public func plan(cards: [ExamCard], today: Int, settings: ExamSettings) -> ExamPlan {
    let examDay = settings.examDay
    let studyDays = examDay - today
    guard studyDays > 0 else {
      let forecasts = cards.map { card in
        let recall = predictedRecall(card, studyDays: [], examDay: examDay)
        return ExamCardForecast(
          id: card.id, studyDays: [], predictedRecall: recall, recallWithoutStudy: recall,
          shortfall: recall < settings.targetRecall ? .noTimeLeft : nil)
      }
      return ExamPlan(
        today: today, settings: settings, days: [], forecasts: forecasts,
        reviewRetention: settings.targetRecall)
    }
    let capacity = settings.maximumCardsPerDay
    let target = settings.targetRecall

    func required(window: Int, retention: Double, peak: Int) -> Schedule {
      var schedule = Schedule(
        days: requiredStudies(cards, today: today, examDay: examDay, window: window, retention: retention))
      schedule.pushed = level(&schedule.days, capacity: peak, cards: cards)
      return schedule
    }

    // The shortest introduction window that fits, by bisection: a longer window never adds
    // load to a day it relieves.
    var window = studyDays
    if cards.contains(where: \.isNew), required(window: studyDays, retention: target, peak: capacity).pushed == 0 {
      var low = 1
      while low < window {
        let middle = (low + window) / 2
        if required(window: middle, retention: target, peak: capacity).pushed == 0 {
          window = middle
        } else {
          low = middle + 1
        }
      }
    }
    func lowestPeak(retention: Double) -> Int {
      var low = 1
      var high = capacity
      while low < high {
        let middle = (low + high) / 2
        if required(window: window, retention: retention, peak: middle).pushed == 0 {
          high = middle
        } else {
          low = middle + 1
        }
      }
      return low
    }
    var retention = target
    var peak = lowestPeak(retention: target)
    var schedule = required(window: window, retention: target, peak: peak)
    addFinals(&schedule, cards: cards, today: today, examDay: examDay, peak: peak, capacity: capacity)
    if schedule.pushed == 0 {
      let budget = Int((1 - slack) * Double(capacity * studyDays))
      var candidate = (target * 100).rounded(.down) / 100 + 0.01
      while candidate <= maximumReviewRetention + 1e-9 {
        let candidatePeak = lowestPeak(retention: candidate)
        var trial = required(window: window, retention: candidate, peak: candidatePeak)
        guard trial.pushed == 0 else { break }
        addFinals(&trial, cards: cards, today: today, examDay: examDay, peak: candidatePeak, capacity: capacity)
        guard trial.load <= budget else { break }
        (schedule, retention, peak) = (trial, candidate, candidatePeak)
        candidate += 0.01
      }
    }

    var dayPlans: [ExamDayPlan] = []
    var studied = [[Int]](repeating: [], count: cards.count)
    for (offset, studies) in schedule.days.enumerated() {
      let day = today + offset
      var plan = ExamDayPlan(day: day, newCards: [], reviews: [])
      for study in studies.sorted(by: { $0.card < $1.card }) {
        studied[study.card].append(day)
        if cards[study.card].isNew && studied[study.card].count == 1 {
          plan.newCards.append(cards[study.card].id)
        } else {
          plan.reviews.append(cards[study.card].id)
        }
      }
      dayPlans.append(plan)
    }
    // Readiness by day: each card adds its exam-day recall after its last study up to that day, accumulated
    // as changes on the days it is studied.
    var readinessChanges = [Double](repeating: 0, count: dayPlans.count)
    var readinessBase = 0.0
    let forecasts = cards.indices.map { index in
      let card = cards[index]
      let recalls = recallAfterEachStudy(card, studyDays: studied[index], examDay: examDay)
      let withoutStudy = predictedRecall(card, studyDays: [], examDay: examDay)
      readinessBase += withoutStudy
      var previous = withoutStudy
      for (day, recall) in zip(studied[index], recalls) {
        readinessChanges[day - today] += recall - previous
        previous = recall
      }
      let predicted = recalls.last ?? withoutStudy
      return ExamCardForecast(
        id: card.id, studyDays: studied[index], predictedRecall: predicted, recallWithoutStudy: withoutStudy,
        shortfall: predicted < target ? .dailyLimit : nil)
    }
    var readiness = readinessBase
    for offset in dayPlans.indices {
      readiness += readinessChanges[offset]
      dayPlans[offset].readiness = cards.isEmpty ? 0 : readiness / Double(cards.count)
    }
    return ExamPlan(
      today: today, settings: settings, days: dayPlans, forecasts: forecasts,
      reviewRetention: retention)
  }

  /// Step 1: every card's studies at the review retention (index 0 is today), before any limit.
  private func requiredStudies(
    _ cards: [ExamCard], today: Int, examDay: Int, window: Int, retention: Double
  ) -> [[Study]] {
    let studyDays = examDay - today
    var days = [[Study]](repeating: [], count: studyDays)
    let newCount = cards.filter(\.isNew).count
    let perDay = max(1, (newCount + window - 1) / max(window, 1))
    var newIndex = 0
    for (index, card) in cards.enumerated() {
      var state: MemoryState
      var last: Int
      if let memory = card.memory, let lastReviewDay = card.lastReviewDay {
        state = memory
        last = lastReviewDay
      } else {
        let day = today + min(newIndex / perDay, studyDays - 1)
        newIndex += 1
        days[day - today].append(Study(card: index, robustness: 0, isIntroduction: true))
        state = model.nextState(nil, rating: .good, elapsedDays: 0)
        last = day
      }
      while true {
        let interval = model.intervalDays(stability: state.stability, desiredRetention: retention)
        // Overdue cards are due today; a card is never studied twice a day.
        let next = max(last + max(1, Int(interval.rounded())), today, last + 1)
        guard next < examDay else { break }
        days[next - today].append(Study(card: index, robustness: state.stability, isIntroduction: false))
        state = model.nextState(state, rating: .good, elapsedDays: next - last)
        last = next
      }
    }
    return days
  }

  /// Step 2: keeps every day at or below `capacity`; returns how many studies today could not
  /// hold and had to move later (those that found no day before the exam are dropped).
  private func level(_ days: inout [[Study]], capacity: Int, cards: [ExamCard]) -> Int {
    var studyDays = [Set<Int>](repeating: [], count: cards.count)
    for (offset, studies) in days.enumerated() {
      for study in studies { studyDays[study.card].insert(offset) }
    }
    // Backwards: the most robust studies (introductions first) move to the day before.
    for offset in stride(from: days.count - 1, to: 0, by: -1) where days[offset].count > capacity {
      days[offset].sort {
        if $0.isIntroduction != $1.isIntroduction { return !$0.isIntroduction }
        return $0.robustness != $1.robustness ? $0.robustness < $1.robustness : $0.card < $1.card
      }
      for study in days[offset][capacity...] {
        studyDays[study.card].remove(offset)
        if studyDays[study.card].insert(offset - 1).inserted {
          days[offset - 1].append(study)
        }
      }
      days[offset].removeSubrange(capacity...)
    }
    // Forwards: what even today cannot hold waits for the next days with room, the reviews of
    // the most stable cards first; introductions stay (a card never studied is lost).
    var pushed = 0
    for offset in days.indices where days[offset].count > capacity {
      days[offset].sort {
        if $0.isIntroduction != $1.isIntroduction { return $0.isIntroduction }
        return $0.robustness != $1.robustness ? $0.robustness < $1.robustness : $0.card < $1.card
      }
      for study in days[offset][capacity...] {
        studyDays[study.card].remove(offset)
        pushed += 1
        if offset + 1 < days.count, studyDays[study.card].insert(offset + 1).inserted {
          days[offset + 1].append(study)
        }
      }
      days[offset].removeSubrange(capacity...)
    }
    return pushed
  }

  /// Step 3: one more review as late as possible for each card whose exam-day recall would be
  /// below ``finalRecall``, weakest first, on days with room (up to `peak`, then up to
  /// `capacity` for what is left).
  private func addFinals(
    _ schedule: inout Schedule, cards: [ExamCard], today: Int, examDay: Int, peak: Int, capacity: Int
  ) {
    var studied = [[Int]](repeating: [], count: cards.count)
    for (offset, studies) in schedule.days.enumerated() {
      for study in studies { studied[study.card].append(today + offset) }
    }
    var candidates: [(card: Int, recall: Double, last: Int, stability: Double)] = []
    for (index, card) in cards.enumerated() {
      var state = card.memory
      var last = card.lastReviewDay ?? today
      for day in studied[index].sorted() {
        state = model.nextState(state, rating: .good, elapsedDays: state == nil ? 0 : day - last)
        last = day
      }
      guard let state, last < examDay - 1 else { continue }
      let recall = model.retrievability(elapsedDays: Double(examDay - last), stability: state.stability)
      if recall < finalRecall {
        candidates.append((index, recall, last, state.stability))
      }
    }
    candidates.sort { $0.recall != $1.recall ? $0.recall < $1.recall : $0.card < $1.card }
    var remaining = candidates
    for limit in [peak, capacity] {
      var next: [(card: Int, recall: Double, last: Int, stability: Double)] = []
      for candidate in remaining {
        let latest = examDay - 1 - today
        let earliest = max(candidate.last + 1 - today, 0)
        if let offset = stride(from: latest, through: earliest, by: -1).first(where: {
          schedule.days[$0].count < limit
        }) {
          schedule.days[offset].append(
            Study(card: candidate.card, robustness: candidate.stability, isIntroduction: false))
        } else {
          next.append(candidate)
        }
      }
      remaining = next
    }
  }

  /// Exam-day recall if the card is studied on `studyDays` and recalled each time.
  private func predictedRecall(_ card: ExamCard, studyDays: [Int], examDay: Int) -> Double {
    recallAfterEachStudy(card, studyDays: studyDays, examDay: examDay).last
      ?? card.memory.map { recall(of: $0, lastDay: card.lastReviewDay ?? 0, examDay: examDay) } ?? 0
  }

  /// Exam-day recall after each of the studies on `studyDays` (each recalled), had study stopped there.
  private func recallAfterEachStudy(_ card: ExamCard, studyDays: [Int], examDay: Int) -> [Double] {
    var state = card.memory
    var last = card.lastReviewDay ?? 0
    return studyDays.map { day in
      let next = model.nextState(state, rating: .good, elapsedDays: state == nil ? 0 : day - last)
      state = next
      last = day
      return recall(of: next, lastDay: day, examDay: examDay)
    }
  }

  private func recall(of state: MemoryState, lastDay: Int, examDay: Int) -> Double {
    model.retrievability(elapsedDays: Double(max(0, examDay - lastDay)), stability: state.stability)
  }
}
