import Foundation

/// A note with cloze deletions, `{{c1::text}}`, `{{c1::text::hint}}` or `==text==`, and the cards it makes.
struct ClozeNote {
  private enum Segment {
    case text(Substring)
    case gap(number: Int, answer: Substring, hint: Substring?)
  }

  private let segments: [Segment]

  /// Whether the text holds any cloze markup.
  static func containsCloze<S: StringProtocol>(_ text: S) -> Bool {
    text.containsBytes("{{c") || highlightRange(in: Substring(text)) != nil
  }

  init<S: StringProtocol>(_ text: S) {
    var segments: [Segment] = []
    var rest = Substring(text)
    var nextHighlightNumber = Self.largestCurlyNumber(in: rest) + 1
    while !rest.isEmpty {
      let curly = Self.curlyGap(in: rest)
      let highlight = Self.highlightRange(in: rest)
      if let curly, highlight.map({ curly.range.lowerBound <= $0.lowerBound }) ?? true {
        segments.append(.text(rest[..<curly.range.lowerBound]))
        segments.append(.gap(number: curly.number, answer: curly.answer, hint: curly.hint))
        rest = rest[curly.range.upperBound...]
      } else if let highlight {
        segments.append(.text(rest[..<highlight.lowerBound]))
        let inner = rest[rest.index(highlight.lowerBound, offsetBy: 2)..<rest.index(highlight.upperBound, offsetBy: -2)]
        segments.append(.gap(number: nextHighlightNumber, answer: inner, hint: nil))
        nextHighlightNumber += 1
        rest = rest[highlight.upperBound...]
      } else {
        segments.append(.text(rest))
        rest = rest[rest.endIndex...]
      }
    }
    self.segments = segments
  }

  /// One card per cloze number, in number order: the gap shown as `[...]` or `[hint]`, the other gaps filled in.
  func cards(line: Int) -> [ImportedCard] {
    let numbers = Set(
      segments.compactMap { segment -> Int? in
        if case .gap(let number, _, _) = segment { return number }
        return nil
      }
    ).sorted()
    return numbers.map { number in
      var front = ""
      var answers: [String] = []
      for segment in segments {
        switch segment {
        case .text(let text):
          front += text
        case .gap(number, let answer, let hint):
          front += "[" + (hint.map(String.init) ?? "...") + "]"
          answers.append(String(answer))
        case .gap(_, let answer, _):
          front += answer
        }
      }
      return ImportedCard(front: front, back: answers.joined(separator: ", "), line: line)
    }
  }

  private static func curlyGap(in text: Substring) -> (
    range: Range<Substring.Index>, number: Int, answer: Substring, hint: Substring?
  )? {
    var searchStart = text.startIndex
    while let open = text[searchStart...].rangeOfBytes("{{c") {
      let digits = text[open.upperBound...].prefix { $0.isNumber }
      let afterDigits = digits.endIndex
      if let number = Int(digits), text[afterDigits...].hasPrefix("::"),
        let close = text[afterDigits...].rangeOfBytes("}}")
      {
        let body = text[text.index(afterDigits, offsetBy: 2)..<close.lowerBound]
        if let hintSeparator = body.rangeOfBytes("::") {
          return (
            open.lowerBound..<close.upperBound, number, body[..<hintSeparator.lowerBound],
            body[hintSeparator.upperBound...]
          )
        }
        return (open.lowerBound..<close.upperBound, number, body, nil)
      }
      searchStart = open.upperBound
    }
    return nil
  }

  private static func largestCurlyNumber(in text: Substring) -> Int {
    var largest = 0
    var rest = text
    while let gap = curlyGap(in: rest) {
      largest = max(largest, gap.number)
      rest = rest[gap.range.upperBound...]
    }
    return largest
  }

  /// The range of the first `==text==` whose text neither starts nor ends with a space.
  static func highlightRange(in text: Substring) -> Range<Substring.Index>? {
    var searchStart = text.startIndex
    while let open = text[searchStart...].rangeOfBytes("==") {
      guard let close = text[open.upperBound...].rangeOfBytes("==") else { return nil }
      let inner = text[open.upperBound..<close.lowerBound]
      if let first = inner.first, let last = inner.last, !first.isWhitespace, !last.isWhitespace,
        !inner.containsBytes("\n")
      {
        return open.lowerBound..<close.upperBound
      }
      searchStart = open.upperBound
    }
    return nil
  }
}
