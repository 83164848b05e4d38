import Foundation

/// Reads vocabulary lists: `word = meaning`, `word: meaning`, `word – meaning`, with section headings.
struct VocabularyParser {
  /// The word and meaning of an entry line, split at its first separator, or `nil`.
  static func entry(_ line: String) -> (word: Substring, meaning: Substring)? {
    let text = line.trimmed[...]
    guard ListMarker.parse(text) == nil || text.contains("=") else { return nil }
    let body = ListMarker.parse(text)?.content ?? text
    let candidates = ["=", ":", " – ", " - ", " — ", "\t"].compactMap { body.range(of: $0) }
    guard let first = candidates.min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
    let word = body[..<first.lowerBound].trimmed[...]
    let meaning = body[first.upperBound...].trimmed[...]
    guard !word.isEmpty, !meaning.isEmpty, word.split(separator: " ").count <= 6 else { return nil }
    return (word, meaning)
  }

  func parse(_ source: SourceText) -> ParsedDeck {
    var title: String?
    var section: [String] = []
    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    let contentIndices = source.lines.indices.filter { !source.lines[$0].isBlank }
    for (position, index) in contentIndices.enumerated() {
      let line = source.lines[index]
      if let (word, meaning) = Self.entry(line) {
        cards.append(ImportedCard(front: String(word), back: String(meaning), line: index + 1, tags: section))
        continue
      }
      let nextIsEntry = contentIndices.dropFirst(position + 1).first.map { Self.entry(source.lines[$0]) != nil }
      let heading = line.trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ ")).trimmed
      if position == 0 && cards.isEmpty {
        title = heading
      } else if nextIsEntry == true {
        section = [Self.tag(heading)]
      } else {
        warnings.append(.init(line: index + 1, message: "no `=` or `:` separator: this line was not imported"))
      }
    }
    return ParsedDeck(format: .vocab, title: title, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }

  private static func tag(_ heading: String) -> String {
    heading.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-").lowercased()
  }
}
