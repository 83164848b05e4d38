import Foundation

/// Reads cloze notes, one note a paragraph: `{{c1::text}}`, `{{c1::text::hint}}` and `==highlight==`.
struct ClozeParser {
  func parse(_ source: SourceText) -> ParsedDeck {
    var title: String?
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    for (index, paragraph) in Paragraphs(source.lines).enumerated() {
      let text = paragraph.lines.map(\.trimmingTrailingWhitespace).joined(separator: "\n")
      if ClozeNote.containsCloze(text) {
        let noteCards = ClozeNote(text).cards(line: paragraph.line)
        cards += noteCards
        if noteCards.isEmpty {
          warnings.append(.init(line: paragraph.line, message: "unreadable cloze markup: imported with an empty back"))
          cards.append(ImportedCard(front: text, back: "", line: paragraph.line))
        }
      } else if index == 0, paragraph.lines.count == 1 {
        title = text.trimmed.drop { $0 == "#" }.trimmed
      } else {
        warnings.append(.init(line: paragraph.line, message: "no cloze in this paragraph: imported with an empty back"))
        cards.append(ImportedCard(front: text, back: "", line: paragraph.line))
      }
    }
    return ParsedDeck(format: .cloze, title: title, cards: cards, warnings: warnings)
  }
}

/// Runs of non-blank lines, each with the 1-based line it starts on.
struct Paragraphs: Sequence {
  let lines: [String]

  init(_ lines: [String]) { self.lines = lines }

  func makeIterator() -> AnyIterator<(lines: ArraySlice<String>, line: Int)> {
    var index = 0
    return AnyIterator {
      while index < lines.count, lines[index].isBlank { index += 1 }
      guard index < lines.count else { return nil }
      let start = index
      while index < lines.count, !lines[index].isBlank { index += 1 }
      return (lines[start..<index], start + 1)
    }
  }
}
