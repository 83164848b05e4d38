import Foundation

/// Compares a typed answer with the expected one the way Anki's type-in-the-answer does, but forgiving case,
/// accents, punctuation and spacing: a character diff of the normalised texts, and a suggested rating from how
/// much of the answer matched (≥ 0.9 Good, ≥ 0.7 Hard, else Again).
public struct FuzzyAnswerChecker: AnswerChecking {
  /// Creates a checker.
  public init() {}

  /// Compares `typed` with `expected`.
  public func check(typed: String, expected: String, front: String = "") -> AnswerCheck {
    let typedText = Self.normalised(typed)
    let expectedText = Self.normalised(expected)
    let segments = Self.diff(Array(typedText), Array(expectedText))
    let matched = segments.reduce(0) { count, segment in
      if case .matched(let text) = segment { return count + text.count }
      return count
    }
    let longest = max(typedText.count, expectedText.count)
    let similarity = longest == 0 ? 1 : Double(matched) / Double(longest)
    let rating: Rating = typedText.isEmpty ? .again : similarity >= 0.9 ? .good : similarity >= 0.7 ? .hard : .again
    let missed = segments.compactMap { segment -> String? in
      if case .missing(let text) = segment, text.trimmingCharacters(in: .whitespaces).count > 2 { return text }
      return nil
    }
    return AnswerCheck(segments: segments, similarity: similarity, suggestedRating: rating, missed: missed)
  }

  /// Lower case, no accents, curly quotes made straight, runs of whitespace (and line breaks) made one space,
  /// bullets dropped.
  static func normalised(_ text: String) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map { line -> Substring in
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      return ListMarker.parse(trimmed)?.content ?? trimmed
    }
    let folded = lines.joined(separator: " ").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
      .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
    return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The longest common subsequence diff of two character arrays, merged into runs.
  static func diff(_ typed: [Character], _ expected: [Character]) -> [AnswerCheck.Segment] {
    let rows = typed.count
    let columns = expected.count
    var lengths = [Int](repeating: 0, count: (rows + 1) * (columns + 1))
    for row in stride(from: rows - 1, through: 0, by: -1) {
      for column in stride(from: columns - 1, through: 0, by: -1) {
        lengths[row * (columns + 1) + column] =
          typed[row] == expected[column]
          ? lengths[(row + 1) * (columns + 1) + column + 1] + 1
          : max(lengths[(row + 1) * (columns + 1) + column], lengths[row * (columns + 1) + column + 1])
      }
    }
    var segments: [AnswerCheck.Segment] = []
    func add(_ segment: AnswerCheck.Segment) {
      switch (segments.last, segment) {
      case (.matched(let a)?, .matched(let b)): segments[segments.count - 1] = .matched(a + b)
      case (.extra(let a)?, .extra(let b)): segments[segments.count - 1] = .extra(a + b)
      case (.missing(let a)?, .missing(let b)): segments[segments.count - 1] = .missing(a + b)
      default: segments.append(segment)
      }
    }
    var row = 0
    var column = 0
    while row < rows || column < columns {
      if row < rows, column < columns, typed[row] == expected[column] {
        add(.matched(String(typed[row])))
        row += 1
        column += 1
      } else if column < columns,
        row == rows || lengths[row * (columns + 1) + column + 1] >= lengths[(row + 1) * (columns + 1) + column]
      {
        add(.missing(String(expected[column])))
        column += 1
      } else {
        add(.extra(String(typed[row])))
        row += 1
      }
    }
    return segments
  }
}
