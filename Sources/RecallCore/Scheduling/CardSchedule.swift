import Foundation

/// The scheduling state of one card: everything FSRS needs to pick the next due date.
///
/// Named `CardSchedule` rather than `Card` because the app's `Card` is the note content; this is
/// the part the scheduler owns. The fields mirror py-fsrs' `Card`, plus `reps`, `lapses` and
/// `scheduledDays`, which Anki keeps and the app needs for statistics, leech detection, fuzz seeds
/// and the live-mode fuzz floor.
public struct CardSchedule: Sendable, Hashable, Codable {
  /// Where the card is in its life cycle.
  public var phase: SchedulingPhase
  /// Index into the learning or relearning steps; `nil` for new and review cards.
  public var step: Int?
  /// FSRS stability in days; `nil` until the first review.
  public var stability: Double?
  /// FSRS difficulty 1…10; `nil` until the first review.
  public var difficulty: Double?
  /// When the card should next be shown.
  public var due: Date
  /// When the card was last answered; `nil` until the first review.
  public var lastReview: Date?
  /// How many times the card has been answered.
  public var reps: Int
  /// How many times the card was answered Again while in review.
  public var lapses: Int
  /// The interval in whole days chosen at the last answer when it sent the card to review;
  /// `nil` while the card is new or in (re)learning steps.
  public var scheduledDays: Int?

  /// Creates a schedule from stored values; no validation is done because the scheduler copes with
  /// any combination (a missing memory state is treated as a first review).
  public init(
    phase: SchedulingPhase, step: Int?, stability: Double?, difficulty: Double?, due: Date,
    lastReview: Date?, reps: Int, lapses: Int, scheduledDays: Int? = nil
  ) {
    self.phase = phase
    self.step = step
    self.stability = stability
    self.difficulty = difficulty
    self.due = due
    self.lastReview = lastReview
    self.reps = reps
    self.lapses = lapses
    self.scheduledDays = scheduledDays
  }

  /// A never-reviewed card that becomes available at `due`.
  public static func new(due: Date) -> CardSchedule {
    CardSchedule(
      phase: .new, step: nil, stability: nil, difficulty: nil, due: due, lastReview: nil,
      reps: 0, lapses: 0)
  }

  /// Stability and difficulty together, or `nil` if either is missing.
  public var memoryState: MemoryState? {
    guard let stability, let difficulty else { return nil }
    return MemoryState(stability: stability, difficulty: difficulty)
  }
}
