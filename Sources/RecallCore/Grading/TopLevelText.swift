/// Finds separators in a line of text that stand outside parentheses, brackets and quotes, so "misleading info
/// (leading questions, post event discussion) and anxiety" splits at "and" but not at the comma inside. Works on
/// Unicode scalars, so its offsets are the ones answer tokens use.
struct TopLevelText {
  /// The line's scalars.
  let chars: [Unicode.Scalar]
  /// For each scalar, whether it stands outside every bracket and quotation.
  let isTopLevel: [Bool]

  /// Scans `text`.
  init<S: StringProtocol>(_ text: S) {
    chars = Array(text.unicodeScalars)
    var flags: [Bool] = []
    flags.reserveCapacity(chars.count)
    var depth = 0
    var inQuote = false
    for (index, scalar) in chars.enumerated() {
      switch scalar {
      case "(", "[", "{":
        flags.append(false)
        depth += 1
      case ")", "]", "}":
        depth = max(0, depth - 1)
        flags.append(false)
      case "\u{201C}":
        inQuote = true
        flags.append(false)
      case "\u{201D}":
        inQuote = false
        flags.append(false)
      case "\"":
        // A straight quote opens when it follows a space or starts the line, else it closes.
        inQuote = index == 0 || chars[index - 1] == " "
        flags.append(false)
      default:
        flags.append(depth == 0 && !inQuote)
      }
    }
    isTopLevel = flags
  }

  /// The text between `range`'s bounds, trimmed.
  func text(_ range: Range<Int>) -> String {
    Self.string(chars[range]).trimmingWhitespace()
  }

  /// A string made of scalars.
  static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Where `separator` occurs at top level, as ranges of scalars.
  func occurrences(of separator: String) -> [Range<Int>] {
    let pattern = Array(separator.unicodeScalars)
    guard !pattern.isEmpty, chars.count >= pattern.count else { return [] }
    var result: [Range<Int>] = []
    var index = 0
    while index + pattern.count <= chars.count {
      if isTopLevel[index], chars[index] == pattern[0], chars[index..<index + pattern.count].elementsEqual(pattern) {
        result.append(index..<index + pattern.count)
        index += pattern.count
      } else {
        index += 1
      }
    }
    return result
  }

  /// Top-level commas, leaving "2,000,000" alone.
  func commas() -> [Range<Int>] {
    occurrences(of: ",").filter { range in
      let before: Unicode.Scalar = range.lowerBound > 0 ? chars[range.lowerBound - 1] : " "
      let after: Unicode.Scalar = range.upperBound < chars.count ? chars[range.upperBound] : " "
      return !(before.properties.numericType != nil && after.properties.numericType != nil)
    }
  }

  /// The ranges of the whole text between the given separator ranges.
  func pieceRanges(between separators: [Range<Int>]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    for separator in separators.sorted(by: { $0.lowerBound < $1.lowerBound }) where separator.lowerBound >= start {
      result.append(start..<separator.lowerBound)
      start = separator.upperBound
    }
    result.append(start..<chars.count)
    return result
  }

  /// The pieces of the whole text between the given separator ranges, trimmed.
  func pieces(between separators: [Range<Int>]) -> [String] {
    pieceRanges(between: separators).map(text)
  }

  /// How many words the text has outside brackets.
  static func wordCount<S: StringProtocol>(_ text: S) -> Int {
    let scan = TopLevelText(text)
    var count = 0
    var inWord = false
    for (index, scalar) in scan.chars.enumerated() {
      let isWordScalar =
        scan.isTopLevel[index] && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
      if isWordScalar && !inWord { count += 1 }
      inWord = isWordScalar || (inWord && (scalar == "'" || scalar == "\u{2019}" || scalar == "-"))
    }
    return count
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace.
  func trimmingWhitespace() -> String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }
}
