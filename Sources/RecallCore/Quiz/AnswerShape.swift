/// What kind of thing an answer is, so a multiple-choice distractor can be of the same kind: dates for dates,
/// names for names, lists for lists, and of a similar length.
struct AnswerShape: Equatable {
  /// The kind of an answer.
  enum Kind: Equatable {
    /// A year or a date ("1958", "21 January 1793").
    case date
    /// An amount with at most a unit ("7 semitones", "32 bits", "11 V").
    case quantity
    /// A name: every content word capitalised ("Jacques Necker", "Williams v Roffey Bros (1990)").
    case name
    /// A list of several points.
    case list(Int)
    /// A word or short term (at most three words).
    case term
    /// Anything longer.
    case phrase
  }

  let kind: Kind
  /// Content words and numbers, for comparing lengths.
  let wordCount: Int
  /// The answer's words, folded and stemmed, for spotting duplicates whatever their spelling or layout.
  let key: String

  private static let months: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ]

  init(_ answer: String) {
    let tokens = TextNormalizer.tokens(answer).filter { !$0.optional }
    let content = tokens.filter { $0.kind == .word || $0.isNumber }
    wordCount = content.count
    key = content.map(\.stem).joined(separator: " ")
    let points = PointSplitter.pointTexts(of: answer).count
    if points >= 2 {
      kind = .list(points)
    } else if content.contains(where: { $0.numberClass == .year }) && content.count <= 4
      && content.allSatisfy({ $0.isNumber || Self.months.contains($0.form) })
    {
      kind = .date
    } else if let first = content.first, first.isNumber, content.count <= 3 {
      kind = .quantity
    } else if !content.isEmpty, content.count <= 6,
      content.allSatisfy({ $0.isNumber || $0.capitalized || $0.allCaps })
    {
      kind = .name
    } else if content.count <= 3 {
      kind = .term
    } else {
      kind = .phrase
    }
  }

  /// How alike two answers look, higher is more alike: same kind first, then similar length.
  func likeness(to other: AnswerShape) -> Double {
    var score = 0.0
    switch (kind, other.kind) {
    case (.list(let a), .list(let b)): score += 3 - Double(min(2, abs(a - b))) * 0.5
    case (.date, .date), (.quantity, .quantity), (.name, .name), (.term, .term), (.phrase, .phrase): score += 3
    // Words and phrases of different kinds are still closer to each other than to a list or a date.
    case (.term, .name), (.name, .term), (.term, .phrase), (.phrase, .term), (.name, .phrase), (.phrase, .name):
      score += 1.5
    default: break
    }
    let longer = Double(max(wordCount, other.wordCount, 1))
    let shorter = Double(max(min(wordCount, other.wordCount), 1))
    return score + shorter / longer
  }
}
