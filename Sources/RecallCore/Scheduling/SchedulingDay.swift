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
  private let starts = DayStartCache()

  /// Days that begin at `dayStartHour` o'clock in `timeZone`.
  public init(dayStartHour: Int, timeZone: TimeZone) {
    self.dayStartHour = dayStartHour
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// The study day `date` falls in, counted from 1970-01-01.
  public func number(of date: Date) -> Int {
    // The local wall time, shifted back by the start hour, counted in whole days since the epoch: the same
    // day as the local date (minus one before the start hour), without a calendar computation per call.
    let seconds = date.timeIntervalSince1970
    let local = seconds + Double(calendar.timeZone.secondsFromGMT(for: date)) - Double(dayStartHour * 3_600)
    return Int((local / 86_400).rounded(.down))
  }

  /// When study day `number` begins.
  public func start(ofDay number: Int) -> Date {
    if let cached = starts[number] { return cached }
    let start = computeStart(ofDay: number)
    starts[number] = start
    return start
  }

  private func computeStart(ofDay number: Int) -> Date {
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
  /// The study days of many moments at once, asking the time zone once per quarter hour rather than once per
  /// moment: every real UTC-offset change falls on a quarter hour, so moments in one quarter share an offset.
  public func numbers(of dates: [Date]) -> [Int] {
    var offsets: [Int: Int] = [:]
    return dates.map { date in
      let seconds = date.timeIntervalSince1970
      let quarter = Int((seconds / 900).rounded(.down))
      let offset =
        offsets[quarter]
        ?? {
          let offset = calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(quarter) * 900))
          offsets[quarter] = offset
          return offset
        }()
      return Int(((seconds + Double(offset) - Double(dayStartHour * 3_600)) / 86_400).rounded(.down))
    }
  }

  /// When the study day holding `date` began.
  public func start(of date: Date) -> Date { start(ofDay: number(of: date)) }

  /// When the study day after the one holding `date` begins.
  public func end(of date: Date) -> Date { start(ofDay: number(of: date) + 1) }
}

/// Day starts already computed: a calendar computation costs more than the rest of scheduling a card, and a
/// session asks for the same few days again and again.
private final class DayStartCache: @unchecked Sendable {
  private let lock = NSLock()
  private var starts: [Int: Date] = [:]

  subscript(day: Int) -> Date? {
    get { lock.withLock { starts[day] } }
    set { lock.withLock { starts[day] = newValue } }
  }
}
