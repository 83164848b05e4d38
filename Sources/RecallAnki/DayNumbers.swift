import Foundation

/// Study-day numbers of many moments, asking the time zone once per quarter hour (every UTC-offset change falls on
/// one) rather than once per moment: a million revlog rows would otherwise spend most of the import there.
struct DayNumbers {
  private let dayStartSeconds: Double
  private let timeZone: TimeZone
  private var offsets: [Int: Int] = [:]

  init(dayStartHour: Int, timeZone: TimeZone) {
    dayStartSeconds = Double(dayStartHour * 3_600)
    self.timeZone = timeZone
  }

  mutating func number(of date: Date) -> Int {
    let seconds = date.timeIntervalSince1970
    let quarter = Int((seconds / 900).rounded(.down))
    let offset: Int
    if let known = offsets[quarter] {
      offset = known
    } else {
      offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(quarter) * 900))
      offsets[quarter] = offset
    }
    return Int(((seconds + Double(offset) - dayStartSeconds) / 86_400).rounded(.down))
  }

  mutating func elapsed(from: Date, to: Date) -> Int { number(of: to) - number(of: from) }
}
