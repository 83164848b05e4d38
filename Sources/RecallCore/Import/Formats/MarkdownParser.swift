import Foundation

/// Reads Markdown notes: `## Question` headings with their content as the answer, Obsidian `term::definition`
/// lines and `question` / `?` / `answer` blocks, with `# Title` as the title and `#tag` lines as tags.
struct MarkdownParser {
  private struct Section {
    var heading: String?
    var level: Int
    var line: Int
    var content: [(text: String, line: Int, code: Bool)] = []
    var tags: [String]
  }

  /// The level and text of an ATX heading (`## Text`).
  static func heading(_ line: String) -> (level: Int, text: String)? {
    let hashes = line.prefix { $0 == "#" }
    guard (1...6).contains(hashes.count) else { return nil }
    let rest = line.dropFirst(hashes.count)
    guard rest.first == " " || rest.first == "\t" else { return nil }
    return (hashes.count, rest.trimmed.replacing(/\s+#+$/, with: ""))
  }

  /// The tags of a line made only of `#tag` words, or `nil`.
  static func tags(_ line: String) -> [String]? {
    let words = line.split(whereSeparator: \.isWhitespace)
    guard !words.isEmpty,
      words.allSatisfy({ $0.count > 1 && $0.first == "#" && $0.dropFirst().first != "#" })
    else { return nil }
    return words.map { String($0.dropFirst()) }
  }

  /// The term and definition of an Obsidian `term::definition` (or `term:::definition`) line.
  static func inlineCard(_ line: String) -> (String, String)? {
    guard let range = line.rangeOfBytes(":::") ?? line.rangeOfBytes("::") else { return nil }
    let term = line[..<range.lowerBound].trimmed
    let definition = line[range.upperBound...].trimmed
    guard !term.isEmpty, !definition.isEmpty, !line.hasPrefix("{{") else { return nil }
    return (term, definition)
  }

  func parse(_ source: SourceText) -> ParsedDeck {
    var title: String?
    var sections: [Section] = []
    var current = Section(heading: nil, level: 0, line: 1, tags: [])
    var tags: [String] = []
    var fence: Substring?
    for (index, raw) in source.lines.enumerated() {
      let line = raw.trimmingTrailingWhitespace
      let lineNumber = index + 1
      let indented = line.drop { $0 == " " }
      if let open = fence {
        if indented.hasPrefix(open) { fence = nil }
        current.content.append((line, lineNumber, true))
        continue
      }
      if indented.hasPrefix("```") || indented.hasPrefix("~~~") {
        fence = indented.prefix(3)
        current.content.append((line, lineNumber, true))
        continue
      }
      if let lineTags = Self.tags(line) {
        tags = lineTags
        current.tags = current.content.isEmpty ? lineTags : current.tags
        continue
      }
      if let (level, text) = Self.heading(line) {
        if level == 1 && title == nil && sections.isEmpty && current.content.allSatisfy({ $0.text.isBlank }) {
          title = text
          continue
        }
        sections.append(current)
        current = Section(heading: text, level: level, line: lineNumber, tags: tags)
        continue
      }
      current.content.append((line, lineNumber, false))
    }
    sections.append(current)

    var cards: [ImportedCard] = []
    var warnings: [ImportWarning] = []
    for section in sections {
      let (obsidianCards, leftovers) = Self.obsidianCards(section.content, tags: section.tags)
      if !obsidianCards.isEmpty || section.heading == nil {
        cards += obsidianCards
        for leftover in leftovers {
          warnings.append(.init(line: leftover, message: "text outside any card was not imported"))
        }
      } else if let heading = section.heading {
        let back = SideText.joining(section.content.map(\.text))
        // A heading with nothing under it but other headings is a section title, not a card.
        if !back.isEmpty {
          cards.append(ImportedCard(front: heading, back: back, line: section.line, tags: section.tags))
        }
      }
    }
    return ParsedDeck(format: .markdown, title: title, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }

  /// Obsidian cards in a run of lines, and the lines of prose that belong to none.
  private static func obsidianCards(
    _ content: [(text: String, line: Int, code: Bool)],
    tags: [String]
  ) -> ([ImportedCard], [Int]) {
    var cards: [ImportedCard] = []
    var leftovers: [Int] = []
    var paragraph: [(text: String, line: Int, code: Bool)] = []
    func flush() {
      defer { paragraph = [] }
      var question: [(text: String, line: Int, code: Bool)] = []
      var answer: [(text: String, line: Int, code: Bool)]?
      func finishBlock() {
        if let answer, !question.isEmpty {
          cards.append(
            ImportedCard(
              front: SideText.joining(question.map(\.text)), back: SideText.joining(answer.map(\.text)),
              line: question[0].line, tags: tags))
        } else {
          leftovers += question.map(\.line)
        }
        question = []
        answer = nil
      }
      for entry in paragraph {
        let trimmed = entry.text.trimmed
        if !entry.code, trimmed == "?" || trimmed == "??" {
          if answer != nil { finishBlock() }
          answer = []
        } else if answer != nil {
          answer?.append(entry)
        } else if !entry.code, let (term, definition) = inlineCard(entry.text) {
          leftovers += question.map(\.line)
          question = []
          cards.append(ImportedCard(front: term, back: definition, line: entry.line, tags: tags))
        } else {
          question.append(entry)
        }
      }
      finishBlock()
    }
    for entry in content {
      if entry.text.isBlank { flush() } else { paragraph.append(entry) }
    }
    flush()
    return (cards, cards.isEmpty ? content.filter { !$0.text.isBlank }.map(\.line) : leftovers)
  }
}
