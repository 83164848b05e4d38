import Foundation
import RecallCore

/// Turns an Anki card's scheduling columns into Recall's schedule, keeping its intervals and due dates.
struct AnkiCardState {
  let creation: Date
  let now: Date
  let options: DeckOptions
  private let day: SchedulingDay

  init(creation: Date, now: Date, options: DeckOptions) {
    self.creation = creation
    self.now = now
    self.options = options
    day = options.day
  }

  /// The card's schedule, suspension and burial, with the memory state the replay rebuilt (or, for a review card
  /// without history, the one its SM-2 ease and interval stand for).
  func state(of card: AnkiCardRow, progress: HistoryReplay.Progress, replay: HistoryReplay)
    -> (schedule: CardSchedule, suspended: Bool, buriedUntil: Date?)
  {
    // A card in a filtered deck keeps its home deck's due in `odue`.
    let due = card.originalDeckID != 0 && card.originalDue != 0 ? card.originalDue : card.due
    var memory = progress.memory
    var schedule: CardSchedule
    switch card.type {
    case 1, 3:
      let steps = card.type == 1 ? options.learningSteps : options.relearningSteps
      let remaining = card.left % 1000
      let step = steps.isEmpty ? 0 : min(max(steps.count - remaining, 0), steps.count - 1)
      schedule = CardSchedule(
        phase: card.type == 1 ? .learning : .relearning, step: step, stability: nil, difficulty: nil,
        due: learningDue(due, queue: card.queue), lastReview: progress.lastReview, reps: card.reps,
        lapses: card.lapses)
    case 2:
      let dueDate = dayStart(due)
      if memory == nil, card.interval > 0 {
        memory = replay.sm2State(factor: card.factor, intervalDays: Double(card.interval))
      }
      schedule = CardSchedule(
        phase: .review, step: nil, stability: nil, difficulty: nil, due: dueDate,
        lastReview: progress.lastReview ?? dueDate - Double(max(card.interval, 0)) * 86_400, reps: card.reps,
        lapses: card.lapses, scheduledDays: max(card.interval, 1))
    default:
      schedule = .new(due: now)
      schedule.reps = card.reps
      schedule.lapses = card.lapses
      memory = nil
    }
    schedule.stability = memory?.stability
    schedule.difficulty = memory?.difficulty
    let buried = card.queue == -2 || card.queue == -3
    return (schedule, card.queue == -1, buried ? day.end(of: now) : nil)
  }

  /// A learning card's due: epoch seconds in the learning queue, a day number in the day-learning queue (and in
  /// a suspended or buried card's, whichever it had; the size tells them apart, as in Anki).
  private func learningDue(_ due: Int64, queue: Int) -> Date {
    if queue == 3 || due < 1_000_000_000 { return dayStart(due) }
    return Date(timeIntervalSince1970: Double(due))
  }

  /// The start of Recall's study day holding Anki's day `number`: Anki counts days from the collection's
  /// creation; the middle of that day is mapped, so a few hours of time-zone or day-start difference cannot
  /// move the card to a neighbouring day.
  private func dayStart(_ number: Int64) -> Date {
    let middle = creation + Double(number) * 86_400 + 12 * 3_600
    return day.start(ofDay: day.number(of: middle))
  }
}
