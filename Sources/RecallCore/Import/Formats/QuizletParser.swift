import Foundation

/// Reads Quizlet's custom separators: `term - definition`, cards split by newlines or `;`.
///
/// A separator dash has a space on both sides (` - `, ` – `, ` — `); a dash that opens a line is a bullet, and a
/// bulleted line continues the card above.
struct QuizletParser {
  /// The term and definition of `text`, split at its first spaced dash.
  static func split(_ text: Substring) -> (term: Substring, definition: Substring)? {
    for dash in [" - ", " – ", " — "] {
      if let range = text.rangeOfBytes(dash), !text[..<range.lowerBound].isBlank {
        return (text[..<range.lowerBound], text[range.upperBound...])
      }
    }
    return nil
  }

  /// Whether cards are split by `;` as well as by lines: splitting there yields more `term - definition` units.
  static func usesSemicolons(_ lines: [String]) -> Bool {
    let content = lines.filter { !$0.isBlank }
    let semicolonLines = content.filter { $0.containsBytes(";") }
    guard !semicolonLines.isEmpty else { return false }
    let unitsPerLine = semicolonLines.filter { split($0[...]) != nil }.count
    let unitsPerSemicolon = semicolonLines.flatMap { $0.split(separator: ";") }.filter { split($0.trimmed[...]) != nil }
      .count
    return unitsPerSemicolon > unitsPerLine
  }

  func parse(_ source: SourceText) -> ParsedDeck {
    var units: [(text: Substring, line: Int)] = []
    let semicolons = Self.usesSemicolons(source.lines)
    for (index, line) in source.lines.enumerated() where !line.isBlank {
      let pieces = semicolons ? line.split(separator: ";") : [line[...]]
      units += pieces.filter { !$0.isBlank }.map { ($0, index + 1) }
    }
    var title: String?
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    for (position, unit) in units.enumerated() {
      let text = unit.text.trimmed[...]
      if ListMarker.parse(text) == nil, let (term, definition) = Self.split(text) {
        cards.append(ImportedCard(front: term.trimmed, back: definition.trimmed, line: unit.line))
      } else if let last = cards.indices.last {
        cards[last].back += (cards[last].back.isEmpty ? "" : "\n") + text
      } else if position == 0 {
        title = String(text)
      } else {
        warnings.append(.init(line: unit.line, message: "no ` - ` separator: imported as a front with no back"))
        cards.append(ImportedCard(front: String(text), back: "", line: unit.line))
      }
    }
    return ParsedDeck(format: .quizlet, title: title, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }
}
