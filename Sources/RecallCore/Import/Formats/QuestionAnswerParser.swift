import Foundation

/// Reads `Q:` / `A:` notes: a marker starts a side, following lines continue it until the next marker.
struct QuestionAnswerParser {
  enum Marker { case question, answer }

  /// The marker a line opens with (`Q:`, `q.`, `Question:`, `A)`, `Answer -`… in any case) and the text after it.
  static func marker(_ line: String) -> (Marker, Substring)? {
    let text = line.drop { $0 == " " || $0 == "\t" }
    let word = text.prefix { $0.isLetter }
    let kind: Marker
    switch word.lowercased() {
    case "q", "question": kind = .question
    case "a", "answer", "ans": kind = .answer
    default: return nil
    }
    var rest = text.dropFirst(word.count).drop { $0.isNumber }
    guard let punctuation = rest.first, ":.)".contains(punctuation) else { return nil }
    rest = rest.dropFirst()
    // "A.D. 1066" or "Q.E.D." are not markers: a marker is followed by a space or the end of the line.
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    return (kind, rest.drop { $0 == " " || $0 == "\t" })
  }

  func parse(_ source: SourceText) -> ParsedDeck {
    var title: String?
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    var front = SideText()
    var back = SideText()
    var cardLine: Int?
    var side: Marker?

    func finishCard() {
      guard let line = cardLine else { return }
      cards.append(ImportedCard(front: front.text, back: back.text, line: line))
      front = SideText()
      back = SideText()
      cardLine = nil
    }

    for (index, line) in source.lines.enumerated() {
      switch (Self.marker(line), side) {
      case ((.question, let text)?, _):
        finishCard()
        cardLine = index + 1
        side = .question
        front.append(text)
      case ((.answer, let text)?, _):
        if cardLine == nil || side == .answer {
          finishCard()
          cardLine = index + 1
        }
        side = .answer
        back.append(text)
      case (nil, .question?):
        front.append(line)
      case (nil, .answer?):
        back.append(line)
      case (nil, nil):
        guard !line.isBlank else { continue }
        if title == nil && cards.isEmpty && index == source.lines.firstIndex(where: { !$0.isBlank }) {
          title = line.trimmed
        } else {
          warnings.append(.init(line: index + 1, message: "text before the first Q: was not imported"))
        }
      }
    }
    finishCard()
    return ParsedDeck(format: .qa, title: title, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }
}
