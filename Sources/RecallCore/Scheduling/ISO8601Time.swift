import Foundation

/// ISO-8601 timestamps for the replay format, parsed and printed without `DateFormatter`.
///
/// `ISO8601DateFormatter` stops at milliseconds and rejects some offset spellings; py-fsrs works
/// in microseconds, so replay needs its own small, exact codec. Parsing accepts
/// `YYYY-MM-DDTHH:MM:SS`, optional fractional seconds (up to 9 digits), and an offset of `Z`,
/// `±HH:MM`, `±HHMM` or `±HH`; a `T` or a space separates date and time. An offset is required
/// because a local time without one does not name an instant. Printing gives UTC with a `Z` and
/// six fractional digits only when the microseconds are not zero (as Python's `isoformat`).
enum ISO8601Time {
  /// Seconds between 1970-01-01 and 2001-01-01, Foundation's reference date.
  static let referenceOffset: Int64 = 978_307_200

  static func parse(_ text: String) -> Date? {
    var scanner = Scanner(Array(text.utf8))
    guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
      let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
      let day = scanner.digits(2),
      scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t"))
        || scanner.take(UInt8(ascii: " ")),
      let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
      let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
      let second = scanner.digits(2)
    else { return nil }

    var nanoseconds = 0
    if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
      var count = 0
      while let digit = scanner.digit() {
        count += 1
        guard count <= 9 else { return nil }
        nanoseconds = nanoseconds * 10 + digit
      }
      guard count > 0 else { return nil }
      for _ in count..<9 { nanoseconds *= 10 }
    }

    var offsetSeconds = 0
    if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
      offsetSeconds = 0
    } else if let sign = scanner.sign() {
      guard let offsetHours = scanner.digits(2), offsetHours <= 23 else { return nil }
      var offsetMinutes = 0
      let colon = scanner.take(UInt8(ascii: ":"))
      if let minutes = scanner.digits(2) {
        offsetMinutes = minutes
      } else if colon {
        return nil
      }
      guard offsetMinutes <= 59 else { return nil }
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
    } else {
      return nil
    }
    guard scanner.atEnd else { return nil }

    guard (1...12).contains(month), (1...31).contains(day), hour <= 23, minute <= 59,
      second <= 59
    else { return nil }
    let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    // Rejects dates such as February 30 that the day-number formula would silently roll over.
    guard CivilDate.fromDaysSinceEpoch(days) == (year, month, day) else { return nil }

    let unixSeconds =
      Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
    return Date(
      timeIntervalSinceReferenceDate: Double(unixSeconds - referenceOffset)
        + Double(nanoseconds) / 1e9)
  }

  static func format(_ date: Date) -> String {
    let time = date.timeIntervalSinceReferenceDate
    let whole = time.rounded(.down)
    // `time - whole` is exact, so the microseconds are not disturbed by the size of `time`.
    var microseconds = Int64(((time - whole) * 1e6).rounded())
    var unixSeconds = Int64(whole) + referenceOffset
    if microseconds == 1_000_000 {
      microseconds = 0
      unixSeconds += 1
    }
    let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
    let secondOfDay = Int(unixSeconds - days * 86_400)
    let (year, month, day) = CivilDate.fromDaysSinceEpoch(Int(days))
    var text =
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
      + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    if microseconds != 0 {
      text += "." + pad(Int(microseconds), 6)
    }
    return text + "Z"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// A cursor over ASCII bytes.
  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func digit() -> Int? {
      guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
      else { return nil }
      defer { index += 1 }
      return Int(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func digits(_ count: Int) -> Int? {
      let start = index
      var value = 0
      for _ in 0..<count {
        guard let digit = digit() else {
          index = start
          return nil
        }
        value = value * 10 + digit
      }
      return value
    }

    mutating func sign() -> Int? {
      if take(UInt8(ascii: "+")) { return 1 }
      if take(UInt8(ascii: "-")) { return -1 }
      return nil
    }
  }
}
