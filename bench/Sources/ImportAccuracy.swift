import Foundation
import RecallCore

/// Card-level precision, recall and F1 of the importer against hand-written expected JSON files.
///
/// A card counts as right only when both its front and back equal an expected card's (each expected card
/// can be matched once); format and title are reported beside.
enum ImportAccuracy {
  struct Expected: Decodable {
    let format: ImportFormat
    let title: String?
    let cards: [ImportedCard]
  }

  struct Row {
    let deck: String
    let expectedFormat: ImportFormat
    let format: ImportFormat
    let titleRight: Bool
    let expected: Int
    let predicted: Int
    let matched: Int
  }

  static func run(folders: [String]) {
    var rows: [Row] = []
    for folder in folders {
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
      for name in names where !name.hasPrefix(".") && !name.hasSuffix(".json") {
        let expectedPath = (folder as NSString).appendingPathComponent(
          (name as NSString).deletingPathExtension + ".expected.json")
        guard let expectedData = FileManager.default.contents(atPath: expectedPath),
          let expected = try? JSONDecoder().decode(Expected.self, from: expectedData),
          let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
        else { continue }
        let parsed = try? DeckParser.parse(data, fileName: name)
        let (matched, _, _) = match(
          parsed, expected, verbose: ProcessInfo.processInfo.environment["VERBOSE"] != nil ? name : nil)
        rows.append(
          Row(
            deck: name, expectedFormat: expected.format, format: parsed?.format ?? .paste,
            titleRight: parsed?.title == expected.title, expected: expected.cards.count,
            predicted: parsed?.cards.count ?? 0, matched: matched))
      }
    }
    print(pad("deck", 36), pad("format", 22), pad("title", 6), pad("P", 7), pad("R", 7), pad("F1", 7))
    for row in rows {
      let format =
        row.format == row.expectedFormat ? row.format.rawValue : "\(row.format.rawValue)≠\(row.expectedFormat.rawValue)"
      print(
        pad(row.deck, 36), pad(format, 22), pad(row.titleRight ? "ok" : "wrong", 6),
        pad(ratio(row.matched, row.predicted), 7), pad(ratio(row.matched, row.expected), 7),
        pad(f1(row.matched, row.predicted, row.expected), 7))
    }
    let matched = rows.map(\.matched).reduce(0, +)
    let predicted = rows.map(\.predicted).reduce(0, +)
    let expected = rows.map(\.expected).reduce(0, +)
    print(
      pad("overall (\(rows.count) decks, \(expected) cards)", 36),
      pad("\(rows.filter { $0.format == $0.expectedFormat }.count)/\(rows.count) right", 22),
      pad("\(rows.filter(\.titleRight).count)/\(rows.count)", 6),
      pad(ratio(matched, predicted), 7), pad(ratio(matched, expected), 7), pad(f1(matched, predicted, expected), 7))
  }

  /// Cards found exactly (front and back), cards predicted, cards expected.
  static func match(_ parsed: ParsedDeck?, _ expected: Expected, verbose name: String? = nil) -> (Int, Int, Int) {
    var remaining = Dictionary(grouping: expected.cards, by: { [$0.front, $0.back] }).mapValues(\.count)
    var matched = 0
    for card in parsed?.cards ?? [] where remaining[[card.front, card.back], default: 0] > 0 {
      remaining[[card.front, card.back]]! -= 1
      matched += 1
    }
    if let name {
      for (key, count) in remaining where count > 0 { print("  missed in \(name): \(key)") }
    }
    return (matched, parsed?.cards.count ?? 0, expected.cards.count)
  }

  static func f1(_ counts: (Int, Int, Int)) -> String { f1(counts.0, counts.1, counts.2) }

  private static func ratio(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "-" : String(format: "%.3f", Double(part) / Double(whole))
  }

  static func f1(_ matched: Int, _ predicted: Int, _ expected: Int) -> String {
    guard predicted + expected > 0 else { return "-" }
    return String(format: "%.3f", 2 * Double(matched) / Double(predicted + expected))
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
