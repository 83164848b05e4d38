import Foundation

/// Reads CSV (RFC 4180), with an optional `front,back` header row; `;` separates when Excel's locale says so.
struct CommaSeparatedParser {
  private static let headerNames: Set<String> = [
    "front", "back", "term", "definition", "question", "answer", "word", "meaning", "prompt", "response", "tags",
    "translation", "q", "a",
  ]

  func parse(_ source: SourceText) -> ParsedDeck {
    var warnings: [ImportWarning] = []
    let separator = Self.separator(source.lines.first { !$0.isBlank } ?? "")
    var records = DelimitedRecordReader(separator: separator)
      .records(source.lines[...], firstLine: 1, warnings: &warnings)
    var tagsColumn: Int?
    if let header = records.first,
      header.fields.count >= 2,
      header.fields.prefix(2).allSatisfy({ Self.headerNames.contains($0.trimmed.lowercased()) })
    {
      tagsColumn = header.fields.firstIndex { $0.trimmed.lowercased() == "tags" }
      records.removeFirst()
    }
    var cards: [ImportedCard] = []
    for record in records {
      let fields = record.fields
      let tags = tagsColumn.flatMap { $0 < fields.count ? fields[$0].split(separator: " ").map(String.init) : nil }
      cards.append(
        ImportedCard(
          front: SideText.joining(fields[0].split(separator: "\n", omittingEmptySubsequences: false)),
          back: fields.count > 1
            ? SideText.joining(fields[1].split(separator: "\n", omittingEmptySubsequences: false)) : "",
          line: record.line,
          tags: tags ?? []
        )
      )
      let extra = fields.indices.dropFirst(2).filter { $0 != tagsColumn && !fields[$0].isBlank }
      if !extra.isEmpty {
        warnings.append(.init(line: record.line, message: "\(fields.count) columns: only the first two were imported"))
      }
    }
    return ParsedDeck(format: .csv, title: nil, cards: cards, warnings: warnings).flaggingIncompleteCards()
  }

  /// `;` when the first record has more semicolons than commas outside quotes, else `,`.
  static func separator(_ firstLine: String) -> Character {
    var inQuotes = false
    var commas = 0
    var semicolons = 0
    for character in firstLine {
      switch character {
      case "\"": inQuotes.toggle()
      case "," where !inQuotes: commas += 1
      case ";" where !inQuotes: semicolons += 1
      default: break
      }
    }
    return semicolons > commas ? ";" : ","
  }
}
