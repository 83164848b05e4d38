import Foundation

/// Reads Anki's "Notes in Plain Text" export: `#key:value` header lines, then one note a record.
struct AnkiTextParser {
  private struct Header {
    var separator: Character?
    var html: Bool?
    var tags: [String] = []
    var deck: String?
    var columnNames: String?
    var metaColumns: Set<Int> = []
    var tagsColumn: Int?
  }

  /// Whether the file opens with Anki's header lines.
  static func hasHeader(_ lines: [String]) -> Bool {
    guard let first = lines.first(where: { !$0.isBlank }) else { return false }
    let key = first.lowercased()
    return ["#separator:", "#html:", "#tags:", "#columns:", "#deck:", "#notetype:", "#guid column:"]
      .contains { key.hasPrefix($0) }
  }

  func parse(_ source: SourceText) -> ParsedDeck {
    var header = Header()
    var bodyStart = 0
    for line in source.lines {
      guard line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { break }
      let key = line[line.index(after: line.startIndex)..<colon].trimmed.lowercased()
      let value = String(line[line.index(after: colon)...])
      Self.read(key: key, value: value, into: &header)
      bodyStart += 1
    }
    let body = source.lines[bodyStart...]
    let separator = header.separator ?? Self.detectSeparator(body)
    var warnings: [ImportWarning] = []
    let records = DelimitedRecordReader(separator: separator)
      .records(body, firstLine: bodyStart + 1, warnings: &warnings)
    if let names = header.columnNames, header.tagsColumn == nil {
      let columns = names.split(separator: separator, omittingEmptySubsequences: false)
      header.tagsColumn = columns.firstIndex { $0.trimmed.lowercased() == "tags" }
    }
    let html = header.html ?? records.prefix(50).contains { $0.fields.contains(where: HTMLText.looksLikeHTML) }
    var cards: [ImportedCard] = []
    for record in records {
      let tags =
        header.tags
        + (header.tagsColumn.flatMap { column in
          column < record.fields.count ? record.fields[column].split(separator: " ").map(String.init) : nil
        } ?? [])
      let fields = record.fields.indices
        .filter { !header.metaColumns.contains($0) && $0 != header.tagsColumn }
        .map { index in
          html
            ? HTMLText.plainText(record.fields[index])
            : SideText.joining(record.fields[index].split(separator: "\n", omittingEmptySubsequences: false))
        }
      let front = fields.first ?? ""
      if ClozeNote.containsCloze(front) {
        cards += ClozeNote(front).cards(line: record.line).map {
          ImportedCard(front: $0.front, back: $0.back, line: $0.line, tags: tags)
        }
        continue
      }
      cards.append(ImportedCard(front: front, back: fields.count > 1 ? fields[1] : "", line: record.line, tags: tags))
      if fields.dropFirst(2).contains(where: { !$0.isEmpty }) {
        warnings.append(.init(line: record.line, message: "\(fields.count) fields: only the first two were imported"))
      }
    }
    return ParsedDeck(format: .ankiText, title: header.deck, cards: cards, warnings: warnings)
      .flaggingIncompleteCards()
  }

  private static func read(key: String, value: String, into header: inout Header) {
    let trimmedValue = value.trimmed
    switch key {
    case "separator":
      let names: [String: Character] = [
        "tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":",
      ]
      header.separator = names[trimmedValue.lowercased()] ?? (value == "\t" ? "\t" : trimmedValue.first)
    case "html": header.html = trimmedValue.lowercased() == "true"
    case "tags": header.tags = trimmedValue.split(separator: " ").map(String.init)
    case "deck": header.deck = trimmedValue.isEmpty ? nil : trimmedValue
    case "columns": header.columnNames = value
    case "guid column", "notetype column", "deck column":
      if let column = Int(trimmedValue), column >= 1 { header.metaColumns.insert(column - 1) }
    case "tags column":
      if let column = Int(trimmedValue), column >= 1 { header.tagsColumn = column - 1 }
    default: break
    }
  }

  private static func detectSeparator(_ lines: ArraySlice<String>) -> Character {
    let sample = lines.prefix(50)
    if sample.contains(where: { $0.utf8.contains(0x09) }) { return "\t" }
    let candidates: [Character] = ["|", ";", ",", ":"]
    return candidates.max { a, b in
      sample.reduce(0) { $0 + $1.filter { $0 == a }.count } < sample.reduce(0) { $0 + $1.filter { $0 == b }.count }
    } ?? "\t"
  }
}
