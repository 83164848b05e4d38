extension SchedulingDay {
  /// The study day that begins on the calendar date `text`, written `YYYY-MM-DD`; `nil` when it is not a real date.
  ///
  /// Study days are numbered by the date they start on, so this needs neither the time zone nor the start hour.
  public static func number(ofCalendarDate text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let number = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    // February 30 would roll over into March.
    guard CivilDate.fromDaysSinceEpoch(number) == (year, month, day) else { return nil }
    return number
  }

  /// The calendar date, `YYYY-MM-DD`, on which study day `number` begins.
  public static func calendarDate(ofDay number: Int) -> String {
    let (year, month, day) = CivilDate.fromDaysSinceEpoch(number)
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
