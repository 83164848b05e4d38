import Foundation

/// Reads vocabulary lists: `word = meaning`, `word: meaning`, `word – meaning`, with section headings.
struct VocabularyParser {
  /// The word and meaning of an entry line, split at its first separator, or `nil`.
  static func entry(_ line: String) -> (word: Substring, meaning: Substring)? {
    let text = line.trimmed[...]
    guard ListMarker.parse(text) == nil || text.containsBytes("=") else { return nil }
    let body = ListMarker.parse(text)?.content ?? text
    let candidates = ["=", ":", " – ", " - ", " — ", "\t"].compactMap { body.rangeOfBytes($0) }
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
      let entry = Self.entry(line)
      let next = contentIndices.dropFirst(position + 1).first
      let nextIsEntry = next.map { Self.entry(source.lines[$0]) != nil } ?? false
      let blankAfter = next.map { $0 > index + 1 } ?? true
      // A first line standing alone above a section heading or the entries is the title, even "Spanish – unit 3".
      if position == 0, blankAfter, entry == nil || !nextIsEntry {
        title = Self.heading(line)
      } else if let (word, meaning) = entry {
        cards.append(ImportedCard(front: String(word), back: String(meaning), line: index + 1, tags: section))
      } else if nextIsEntry {
        section = [Self.tag(Self.heading(line))]
      } else {
        warnings.append(.init(line: index + 1, message: "no `=` or `:` separator: this line was not imported"))
      }
    }
    return ParsedDeck(format: .vocab, title: title, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }

  private static func heading(_ line: String) -> String {
    line.trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ ")).trimmed
  }

  private static func tag(_ heading: String) -> String {
    heading.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-").lowercased()
  }
}
