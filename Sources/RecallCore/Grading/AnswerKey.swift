/// An expected answer split into points, ready to grade typed answers against. Build one per card and reuse it:
/// splitting and normalising the expected answer is most of the work of a grade.
///
/// How the answer splits into points is documented on ``points``.
public struct AnswerKey: Sendable {
  /// The expected answer, as on the card.
  public let expected: String
  /// The card's question, when known: it tells the grader what kind of answer is asked for ("When…",
  /// "Who…"), which words are the question's own, and how many questions a two-part answer answers.
  public let front: String?
  let compiled: [AnswerPoint]
  let frontTokens: [AnswerToken]
  let focus: QuestionFocus
  /// Stems of the front's content words, forms of its numbers, stems of every word of the answer.
  let frontStems: Set<String>
  let frontNumbers: Set<String>
  let expectedStems: Set<String>
  /// Words the card itself uses (never typos), and words it capitalises mid-sentence (names, without a deck).
  let vocabulary: Set<String>
  let capitalised: Set<String>

  /// Splits `expected` into points; `front` is the card's question, if any.
  public init(expected: String, front: String? = nil) {
    self.expected = expected
    self.front = front
    compiled = PointSplitter.points(of: expected, front: front)
    frontTokens = front.map(TextNormalizer.tokens) ?? []
    focus = QuestionFocus(front: front ?? "")
    frontStems = Set(frontTokens.filter { $0.kind == .word }.map(\.stem))
    frontNumbers = Set(frontTokens.filter(\.isNumber).map(\.form))
    let pointTokens = compiled.flatMap { $0.variants.flatMap(\.tokens) }
    expectedStems = Set(pointTokens.map(\.stem))
    vocabulary = Set((pointTokens + frontTokens).map(\.form))
    capitalised = Set(
      (pointTokens + frontTokens).filter { $0.kind == .word && $0.capitalized && !$0.sentenceInitial && !$0.allCaps }
        .map(\.stem))
  }

  /// The points, as shown to the student. The expected answer splits into points like this:
  ///
  /// 1. Code fences and Markdown table rulers are dropped; table rows count as lines.
  /// 2. Each bullet (`-`, `•`, `*`, `–`, `+`) or numbered item (`1.`, `2)`, `a)`) is one point.
  /// 3. A line starting "e.g." or "for example" is not a point; it adds optional words to the point before it.
  /// 4. A line ending in ":" with lines after it is a point when it states a fact (it has a number or at least
  ///    four content words, like "Opposition to Khrushchev led by Molotov and Malenkov:"), and a heading
  ///    otherwise ("the long term causes:").
  /// 5. Other lines split into sentences and at semicolons; a piece that is a list — three or more short
  ///    comma-separated items ("Britain, France, Russia"), or "A and B" with short sides — gives one point per
  ///    item.
  /// 6. When the front asks several questions and the answer is one point with as many comma-separated parts,
  ///    each part is a point.
  ///
  /// Parenthesised words and "e.g." tails are optional everywhere; a parenthesised synonym ("(prime minister)")
  /// and either side of a short " / " choice ("lift / elevator") are accepted in place of the whole point.
  public var points: [String] { compiled.map(\.text) }
}

/// What kind of answer a front asks for, so the answer's key term weighs what it should.
enum QuestionFocus: Sendable, Equatable {
  /// "When…", "What year…": the date is the answer.
  case time
  /// "How many…", "How much…": the number is the answer.
  case quantity
  /// "Who…": the name is the answer.
  case person
  /// Anything else.
  case none

  init(front: String) {
    let words = front.lowercased().split { !$0.isLetter }.map(String.init)
    let text = " " + words.joined(separator: " ") + " "
    if words.contains("when") || text.contains(" what year ") || text.contains(" which year ")
      || text.contains(" what date ")
    {
      self = .time
    } else if text.contains(" how many ") || text.contains(" how much ") {
      self = .quantity
    } else if words.first == "who" || words.contains("whom") || text.contains(" who was ")
      || text.contains(" who were ")
      || text.contains(" who came ")
    {
      self = .person
    } else {
      self = .none
    }
  }
}
