import Foundation
import RecallCore

/// A card's memory state rebuilt answer by answer from its revlog, with FSRS.
///
/// Which rows count follows Anki's own FSRS (`reviews_for_fsrs`): manual changes and rescheduling are not
/// answers, a reset (`manual` with factor 0) forgets everything before it, and a filtered-deck answer that did not
/// reschedule (factor 0) is cram, kept in the log but not learned from. A history that starts with a review
/// rather than a learning step (older rows deleted) starts from the SM-2 ease and interval, as Anki does.
struct HistoryReplay {
  /// How far one card has got.
  struct Progress {
    var memory: MemoryState?
    var lastReview: Date?
    var reps = 0
    var lapses = 0
    /// The replay's schedule after the last answer: the `before` of the next one.
    var schedule = CardSchedule.new(due: Date(timeIntervalSince1970: 0))
    /// Answers that become review-log rows.
    var answers = 0
  }

  /// One answer to log.
  struct Answer {
    var rating: Rating
    var cram: Bool
    var before: CardSchedule
    var after: CardSchedule
    var intervalDays: Double
  }

  let model: FSRSModel
  private var days: DayNumbers

  init(options: DeckOptions) {
    model = FSRSModel(parameters: (try? FSRSParameters(options.parameters)) ?? .default)
    days = DayNumbers(dayStartHour: options.dayStartHour, timeZone: options.resolvedTimeZone)
  }

  /// Applies one revlog row to a card; returns the answer to log, or `nil` for a row that is not an answer.
  mutating func apply(_ row: AnkiRevlogRow, to progress: inout Progress) -> Answer? {
    let time = row.time
    guard (1...4).contains(row.ease), let rating = Rating(rawValue: row.ease), row.kind != .manual,
      row.kind != .rescheduled
    else {
      if row.kind == .manual && row.factor == 0 {
        // "Forget": the card became new; what it learned before no longer counts.
        progress.memory = nil
        progress.lastReview = nil
        progress.schedule = .new(due: time)
      }
      return nil
    }
    progress.answers += 1
    let before = progress.schedule
    let intervalDays = row.interval > 0 ? Double(row.interval) : Double(-row.interval) / 86_400
    if row.kind == .filtered && row.factor == 0 {
      return Answer(rating: rating, cram: true, before: before, after: before, intervalDays: intervalDays)
    }
    if let memory = progress.memory, let last = progress.lastReview {
      progress.memory = model.nextState(memory, rating: rating, elapsedDays: days.elapsed(from: last, to: time))
    } else if row.kind != .learning, row.lastInterval > 0 {
      // The rows before this one are gone: start from what SM-2 knew, the ease and the last interval.
      let start = sm2State(factor: row.factor, intervalDays: Double(row.lastInterval))
      progress.memory = model.nextState(start, rating: rating, elapsedDays: Int(row.lastInterval))
    } else {
      progress.memory = model.initialState(rating: rating)
    }
    progress.reps += 1
    if row.kind == .review && rating == .again { progress.lapses += 1 }
    progress.lastReview = time
    let phase: SchedulingPhase
    if row.interval > 0 {
      phase = .review
    } else {
      phase = row.kind == .learning ? .learning : .relearning
    }
    let due = row.interval > 0 ? time + Double(row.interval) * 86_400 : time + Double(-row.interval)
    progress.schedule = CardSchedule(
      phase: phase, step: phase == .review ? nil : 0, stability: progress.memory?.stability,
      difficulty: progress.memory?.difficulty, due: due, lastReview: time, reps: progress.reps,
      lapses: progress.lapses, scheduledDays: row.interval > 0 ? Int(row.interval) : nil)
    return Answer(rating: rating, cram: false, before: before, after: progress.schedule, intervalDays: intervalDays)
  }

  /// The memory state SM-2's ease and interval stand for (fsrs-rs `memory_state_from_sm2` at 90 % retention):
  /// the interval is the stability, and the ease maps back to a difficulty.
  func sm2State(factor: Int, intervalDays: Double) -> MemoryState {
    let ease = Double(factor > 0 ? factor : 2500) / 1000
    let stability = max(intervalDays, FSRSModel.minimumStability)
    let w = model.parameters
    let difficulty = 11 - (ease - 1) / (exp(w[8]) * pow(stability, -w[9]) * expm1(0.1 * w[10]))
    return MemoryState(
      stability: stability,
      difficulty: difficulty.isFinite
        ? min(max(difficulty, FSRSModel.minimumDifficulty), FSRSModel.maximumDifficulty) : 5)
  }
}
