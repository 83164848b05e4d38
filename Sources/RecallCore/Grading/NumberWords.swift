import Foundation

/// Reads numbers written in words or digits ("two million", "a million", "1.5 billion", "twentieth", "1st") into
/// one canonical spelling, so "two million" and "2,000,000" compare equal while 1955 and 1956 never do.
enum NumberWords {
  /// A number read from one or more words.
  struct Reading: Equatable {
    /// The canonical spelling: plain digits ("2000000", "4.3"), or digits and a suffix for ordinals ("22nd").
    var text: String
    /// Whether it counts a position ("first", "22nd") rather than an amount.
    var isOrdinal: Bool
    /// How many words it took.
    var length: Int
  }

  private static let units: [String: Int] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
  ]
  private static let tens: [String: Int] = [
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
  ]
  private static let scales: [String: Int] = [
    "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
  ]
  private static let ordinalUnits: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000,
  ]

  /// Whether a word multiplies what comes before it ("hundred", "million").
  static func isScaleWord(_ word: String) -> Bool {
    word == "hundred" || scales[word] != nil
  }

  private static let allWords: Set<String> = Set(units.keys).union(tens.keys).union(scales.keys)
    .union(ordinalUnits.keys).union(["hundred"])

  /// Whether a word can be part of a number phrase.
  static func isNumberWord(_ word: String) -> Bool {
    if let first = word.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) {
      return isDigits(word)
    }
    return allWords.contains(word)
  }

  /// The number that starts at `words[start]`, if one does.
  static func read(_ words: [String], at start: Int) -> Reading? {
    var index = start
    var total = Decimal(0)
    var current = Decimal(0)
    var sawAny = false
    var lastWasScale = false
    // "a million" / "an hundred": the article only counts when a scale word follows it.
    if words[index] == "a" || words[index] == "an" {
      guard index + 1 < words.count, scales[words[index + 1]] != nil || words[index + 1] == "hundred" else {
        return nil
      }
      current = 1
      index += 1
      sawAny = true
    }
    while index < words.count {
      let word = words[index]
      if let value = ordinalUnits[word] {
        // An ordinal ends the phrase: "twenty second" is 22nd, "hundredth" multiplies what came before.
        let position: Decimal =
          value >= 100 ? (total + max(current, 1)) * Decimal(value) : total + current + Decimal(value)
        return Reading(text: ordinalText(position), isOrdinal: true, length: index - start + 1)
      }
      if isDigits(word) {
        guard !sawAny || lastWasScale, let value = Decimal(string: word) else { break }
        current += value
      } else if let value = units[word] {
        current += Decimal(value)
      } else if let value = tens[word] {
        current += Decimal(value)
      } else if word == "hundred" {
        current = max(current, 1) * 100
      } else if let value = scales[word] {
        guard sawAny else { return nil }
        total += max(current, 1) * Decimal(value)
        current = 0
        lastWasScale = true
        sawAny = true
        index += 1
        continue
      } else if word == "and", sawAny, index + 1 < words.count,
        units[words[index + 1]] != nil || tens[words[index + 1]] != nil
      {
        index += 1
        continue
      } else {
        break
      }
      lastWasScale = false
      sawAny = true
      index += 1
    }
    guard sawAny, index > start else { return nil }
    // A lone digit token is already a number; the caller only needs a reading when words were combined.
    return Reading(text: plainText(total + current), isOrdinal: false, length: index - start)
  }

  /// The canonical spelling of a digit ordinal such as "22nd" or "1ST", or nil if the word is not one.
  static func digitOrdinal(_ word: String) -> String? {
    let bytes = Array(word.utf8)
    let digitCount = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
    guard digitCount > 0, bytes.count == digitCount + 2 else { return nil }
    let suffix = String(decoding: bytes[digitCount...], as: UTF8.self)
    guard ["st", "nd", "rd", "th"].contains(suffix),
      let value = Decimal(string: String(decoding: bytes[..<digitCount], as: UTF8.self))
    else { return nil }
    return ordinalText(value)
  }

  /// Whether a word is a plain decimal number ("1958", "4.3", "-1").
  static func isDigits(_ word: String) -> Bool {
    var sawDigit = false
    var sawPoint = false
    var last: UInt8 = 0
    for (offset, byte) in word.utf8.enumerated() {
      last = byte
      if byte >= 0x30 && byte <= 0x39 {
        sawDigit = true
      } else if byte == UInt8(ascii: "."), !sawPoint, sawDigit {
        sawPoint = true
      } else if byte == UInt8(ascii: "-"), offset == 0 {
        continue
      } else {
        return false
      }
    }
    return sawDigit && last != UInt8(ascii: ".")
  }

  /// The canonical spelling of an amount: no thousands separators and no trailing zeros after a point.
  static func plainText(_ value: Decimal) -> String {
    NSDecimalNumber(decimal: value).stringValue
  }

  private static func ordinalText(_ value: Decimal) -> String {
    let text = plainText(value)
    let lastTwo = text.suffix(2)
    if lastTwo == "11" || lastTwo == "12" || lastTwo == "13" { return text + "th" }
    switch text.last {
    case "1": return text + "st"
    case "2": return text + "nd"
    case "3": return text + "rd"
    default: return text + "th"
    }
  }
}
