import Foundation

/// Day arithmetic for live mode: a "day" runs from `dayStartHour` o'clock local time to the same
/// hour the next local date, as in Anki's "Next day starts at".
///
/// Days are numbered by the proleptic Gregorian date they start on (days since 1970-01-01), so
/// differences between day numbers count day starts crossed and are unaffected by daylight
/// saving time: a 23- or 25-hour day is still one day.
public struct SchedulingDay: Sendable {
  /// The hour (0–23, local time) at which a new study day begins; Anki's default is 4.
  public let dayStartHour: Int
  let calendar: Calendar

  /// Days that begin at `dayStartHour` o'clock in `timeZone`.
  public init(dayStartHour: Int, timeZone: TimeZone) {
    self.dayStartHour = dayStartHour
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// The number of the scheduling day `date` falls in.
  /// The study day `date` falls in, counted from 1970-01-01.
  public func number(of date: Date) -> Int {
    let parts = calendar.dateComponents([.year, .month, .day, .hour], from: date)
    let day = CivilDate.daysSinceEpoch(
      year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    // Before the day start hour the learner is still in yesterday's study day.
    return (parts.hour ?? 0) < dayStartHour ? day - 1 : day
  }

  /// The instant scheduling day `number` begins.
  /// When study day `number` begins.
  public func start(ofDay number: Int) -> Date {
    let (year, month, day) = CivilDate.fromDaysSinceEpoch(number)
    let components = DateComponents(
      year: year, month: month, day: day, hour: dayStartHour, minute: 0, second: 0)
    // Foundation moves a wall time that falls in a DST gap forward, which is the first instant
    // of the new day, so this never fails for a valid date.
    return calendar.date(from: components)
      ?? Date(timeIntervalSince1970: Double(number) * 86_400 + Double(dayStartHour) * 3_600)
  }

  /// Day starts crossed between two instants (negative if `to` is earlier than `from`).
  /// How many day starts lie between two moments.
  public func elapsedDays(from: Date, to: Date) -> Int {
    number(of: to) - number(of: from)
  }
}

extension SchedulingDay {
  /// When the study day holding `date` began.
  public func start(of date: Date) -> Date { start(ofDay: number(of: date)) }

  /// When the study day after the one holding `date` begins.
  public func end(of date: Date) -> Date { start(ofDay: number(of: date) + 1) }
}
