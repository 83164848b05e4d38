import Foundation

/// Reads `front<TAB>back` lines (Quizlet's default export); a third column holds tags.
struct TabSeparatedParser {
  func parse(_ source: SourceText) -> ParsedDeck {
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    for (index, raw) in source.lines.enumerated() where !raw.isBlank {
      let line = index + 1
      guard raw.utf8.contains(0x09) else {
        // Quizlet writes a definition's later lines as lines of their own.
        if let last = cards.indices.last {
          cards[last].back += (cards[last].back.isEmpty ? "" : "\n") + raw.trimmingTrailingWhitespace
        } else {
          warnings.append(.init(line: line, message: "no tab on this line: imported as a front with no back"))
          cards.append(ImportedCard(front: raw.trimmed, back: "", line: line))
        }
        continue
      }
      let fields = raw.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
      let tags = fields.count > 2 ? fields[2].split(separator: " ").map(String.init) : []
      cards.append(
        ImportedCard(front: fields[0].trimmed, back: fields[1].trimmed, line: line, tags: tags)
      )
      if fields.count > 3 {
        warnings.append(.init(line: line, message: "more than three columns: columns after the third were ignored"))
      }
    }
    return ParsedDeck(format: .tsv, title: nil, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }
}
