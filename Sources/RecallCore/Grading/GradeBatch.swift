import Foundation

/// The JSON-lines batch mode of `recall grade --batch FILE`: one request per input line, one result per output
/// line, so a file of answers can be graded by any script.
///
/// A request is `{"expected": "...", "typed": "...", "front": "..."}` (`front` optional), and may carry the
/// card's deck as `"deck": [{"front": "...", "back": "..."}, ...]` for deck-aware grading. The answer is
/// ``GradeResult/jsonLine``, or `{"error":"..."}` when the line is not a valid request (a blank line included:
/// callers that want to skip blank lines should do so before calling).
public enum GradeBatch {
  private struct Request: Decodable {
    struct Side: Decodable {
      let front: String
      let back: String
    }
    let expected: String
    let typed: String
    let front: String?
    let deck: [Side]?
  }

  /// The output line (without a newline) for one input line.
  public static func answer(line: String, grader: AnswerGrader = AnswerGrader()) -> String {
    let request: Request
    do {
      request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
    } catch {
      return errorLine("not a grading request: " + describe(error))
    }
    let deck = request.deck.map { sides in
      GradingDeck(
        cards: sides.enumerated().map { QuizCard(id: Int64($0.offset), front: $0.element.front, back: $0.element.back) }
      )
    }
    return grader.grade(typed: request.typed, expected: request.expected, front: request.front, deck: deck).jsonLine
  }

  private static func errorLine(_ message: String) -> String {
    "{\"error\":" + JSONText.quoted(message) + "}"
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
    case DecodingError.dataCorrupted: "invalid JSON"
    default: "invalid request"
    }
  }
}
