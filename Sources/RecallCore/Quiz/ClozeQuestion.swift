/// A cloze made from a card's answer: one key term blanked out, to be typed.
public struct ClozeQuestion: Sendable, Hashable, Codable {
  /// The card the answer comes from.
  public var cardID: Int64
  /// The card's front, as context.
  public var prompt: String
  /// The answer with the term replaced by ``blank``.
  public var text: String
  /// The blanked term, as written on the card.
  public var answer: String

  /// What stands in for the missing term.
  public static let blank = "_____"

  /// Creates a question.
  public init(cardID: Int64, prompt: String, text: String, answer: String) {
    self.cardID = cardID
    self.prompt = prompt
    self.text = text
    self.answer = answer
  }

  /// Grades a typed term with the point-by-point grader (typos forgiven, numbers exact).
  public func grade(_ typed: String, grader: AnswerGrader = AnswerGrader()) -> GradeResult {
    grader.grade(typed: typed, expected: answer, front: text)
  }
}
