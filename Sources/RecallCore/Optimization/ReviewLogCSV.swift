import Foundation

/// Reads review logs in the CSV layout of py-fsrs' sample log and fsrs-rs-python's examples:
/// `card_id,review_rating,review_time,review_duration`.
///
/// - The header names the columns, in any order; `review_duration` (milliseconds) may be absent
///   or empty, other columns are ignored.
/// - `review_rating` is 1 (Again) … 4 (Easy).
/// - `review_time` is ISO-8601 with a UTC offset (`2024-03-29T20:32:32.250000+00:00`) or whole
///   milliseconds since 1970 (fsrs-rs' `revlog.csv`).
/// - Fields may be double-quoted; blank lines are skipped; CRLF and a UTF-8 byte-order mark are
///   accepted.
public enum ReviewLogCSV {
  /// The columns a log must have.
  public static let requiredColumns = ["card_id", "review_rating", "review_time"]

  /// Parses a whole log into one history per card, cards in order of first appearance, each
  /// card's reviews sorted by time.
  ///
  /// - Throws: ``ReviewLogCSVError`` for the first bad line.
  public static func parse(_ text: String) throws(ReviewLogCSVError) -> [CardHistory] {
    // `isNewline` also splits "\r\n", which Swift treats as a single character.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .makeIterator()
    var lineNumber = 0
    var header: [String]?
    while header == nil, let line = lines.next() {
      lineNumber += 1
      var content = Substring(line)
      if lineNumber == 1, content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
      guard !isBlank(content) else { continue }
      header = try fields(content, line: lineNumber).map { $0.lowercased() }
    }
    guard let header else {
      throw ReviewLogCSVError(
        line: max(lineNumber, 1),
        message: "the file is empty; expected a header with \(requiredColumns.joined(separator: ","))")
    }
    var column: [String: Int] = [:]
    for (index, name) in header.enumerated() where column[name] == nil { column[name] = index }
    for name in requiredColumns where column[name] == nil {
      throw ReviewLogCSVError(
        line: lineNumber, message: "missing column \"\(name)\" in the header (found: \(header.joined(separator: ",")))")
    }
    let cardColumn = column["card_id"]!
    let ratingColumn = column["review_rating"]!
    let timeColumn = column["review_time"]!
    let durationColumn = column["review_duration"]
    let width = header.count

    var order: [String] = []
    var reviews: [String: [ReviewEvent]] = [:]
    while let line = lines.next() {
      lineNumber += 1
      let content = Substring(line)
      guard !isBlank(content) else { continue }
      let values = try fields(content, line: lineNumber)
      guard values.count == width else {
        throw ReviewLogCSVError(
          line: lineNumber, message: "expected \(width) fields like the header, found \(values.count)")
      }
      let cardID = values[cardColumn]
      guard !cardID.isEmpty else {
        throw ReviewLogCSVError(line: lineNumber, message: "card_id is empty")
      }
      let ratingText = values[ratingColumn]
      guard let ratingValue = Int(ratingText), let rating = Rating(rawValue: ratingValue) else {
        throw ReviewLogCSVError(
          line: lineNumber,
          message: "review_rating \"\(ratingText)\" must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
      }
      let timeText = values[timeColumn]
      guard let time = parseTime(timeText) else {
        throw ReviewLogCSVError(
          line: lineNumber,
          message: "review_time \"\(timeText)\" is not an ISO-8601 time with a UTC offset "
            + "(e.g. 2024-03-29T20:32:32.250000+00:00) or milliseconds since 1970")
      }
      var duration: TimeInterval?
      if let durationColumn, !values[durationColumn].isEmpty {
        guard let milliseconds = Double(values[durationColumn]), milliseconds >= 0, milliseconds.isFinite else {
          throw ReviewLogCSVError(
            line: lineNumber,
            message: "review_duration \"\(values[durationColumn])\" must be a non-negative number of milliseconds")
        }
        duration = milliseconds / 1000
      }
      if reviews[cardID] == nil { order.append(cardID) }
      reviews[cardID, default: []].append(ReviewEvent(time: time, rating: rating, duration: duration))
    }
    return order.map { CardHistory(cardID: $0, reviews: reviews[$0]!) }
  }

  private static func isBlank(_ line: Substring) -> Bool {
    line.allSatisfy { $0 == " " || $0 == "\t" }
  }

  private static func parseTime(_ text: String) -> Date? {
    if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let milliseconds = Int64(text)
    {
      return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
    return ISO8601Time.parse(text)
  }

  /// Splits one line into fields, honouring double quotes ("" inside quotes is a quote).
  private static func fields(_ line: Substring, line number: Int) throws(ReviewLogCSVError) -> [String] {
    var result: [String] = []
    var field = ""
    var quoted = false
    var wasQuoted = false
    var characters = line.makeIterator()
    var pending: Character?
    while let character = pending ?? characters.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          if let next = characters.next() {
            if next == "\"" {
              field.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" && field.allSatisfy({ $0 == " " }) && !wasQuoted {
        field = ""
        quoted = true
        wasQuoted = true
      } else if character == "," {
        result.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
        field = ""
        wasQuoted = false
      } else {
        field.append(character)
      }
    }
    guard !quoted else {
      throw ReviewLogCSVError(line: number, message: "a quoted field is not closed")
    }
    result.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
    return result
  }
}
