import Foundation

/// Which conventions the scheduler follows around the FSRS-6 memory model.
///
/// The memory model (``FSRSModel``) is the same in both modes; the modes differ in how time is
/// counted and how the model's interval is turned into a due date.
///
/// | Topic | ``reference`` (py-fsrs 6.3.2) | ``live(dayStartHour:timeZone:)`` (Anki) |
/// | --- | --- | --- |
/// | Elapsed days | whole 24-hour periods since the last review | day starts (default 4:00 local time) crossed since the last review |
/// | Same-day formula | fewer than 24 hours since the last review | no day start crossed |
/// | Review due | review time + interval × 24 h | start of the local day `interval` days after today |
/// | Rounding of intervals | half to even (Python `round`) | half away from zero (Rust `f32::round`) |
/// | Hard / Good / Easy in review | not ordered | Hard ≥ 1, Good ≥ Hard + 1, Easy ≥ Good + 1 |
/// | Fuzz range | py-fsrs `_get_fuzzed_interval`, rounded (can reach max + 1) | Anki `constrained_fuzz_bounds`, floored |
/// | Fuzz lower limit | 2 days | never below the previous interval when the interval grew or barely shrank (`minimum_review_fuzz_interval`) |
/// | Again in review without relearning steps | fuzzed like any review interval | not fuzzed, at least 1 day |
/// | Learning steps | review time + step | review time + step |
///
/// Use ``reference`` to reproduce py-fsrs numbers (conformance tests, `recall fsrs replay`) and
/// ``live(dayStartHour:timeZone:)`` for real studying, where a "day" should follow the learner's
/// sleep rather than the 24-hour clock since the last answer.
public enum SchedulerMode: Sendable, Hashable, Codable {
  /// py-fsrs 6.3.2 conventions, number for number.
  case reference
  /// Anki's conventions: days begin at `dayStartHour` o'clock in `timeZone`.
  case live(dayStartHour: Int = 4, timeZone: TimeZone)
}
