import Foundation
import Testing

@testable import RecallCore

/// Every deck of the development corpus imports as its hand-written expected JSON says.
struct CorpusTests {
  struct Expected: Decodable {
    let format: ImportFormat
    let title: String?
    let cards: [ImportedCard]
  }

  static let corpusFolder = TestFiles.testsFolder.appendingPathComponent("Import/Corpus")

  static var decks: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".json") && names.contains(expectedName($0)) }.sorted()
  }

  static func expectedName(_ deck: String) -> String {
    (deck as NSString).deletingPathExtension + ".expected.json"
  }

  @Test func corpusHasAtLeastTwelveDecksCoveringEveryFormat() throws {
    #expect(Self.decks.count >= 12)
    let formats = try Set(Self.decks.map { try expected($0).format })
    #expect(formats == Set(ImportFormat.allCases))
  }

  /// Every format with explicit separators imports exactly.
  @Test(arguments: decks)
  func importsAsExpected(deck: String) throws {
    let expected = try expected(deck)
    let data = try Data(contentsOf: Self.corpusFolder.appendingPathComponent(deck))
    let parsed = try DeckParser.parse(data, fileName: deck)
    #expect(parsed.format == expected.format)
    #expect(parsed.title == expected.title)
    guard expected.format != .paste else { return }
    #expect(parsed.cards.count == expected.cards.count)
    for (got, want) in zip(parsed.cards, expected.cards) {
      #expect(got.front == want.front, "line \(want.line)")
      #expect(got.back == want.back, "line \(want.line)")
      #expect(got.line == want.line, "card “\(want.front)”")
    }
  }

  /// Pasted notes have no separators, so boundaries are a judgement: every deck is read at card-level F1 ≥ 0.9
  /// (a card counts only when front and back are both exact), and every card the model got wrong sits next to a
  /// line it reported as unsure or as a missing side.
  @Test(arguments: decks)
  func pastedNotesAreReadAlmostExactly(deck: String) throws {
    let expected = try expected(deck)
    guard expected.format == .paste else { return }
    let parsed = try DeckParser.parse(Data(contentsOf: Self.corpusFolder.appendingPathComponent(deck)), fileName: deck)
    var remaining = expected.cards.map { [$0.front, $0.back] }
    var wrong: [ImportedCard] = []
    for card in parsed.cards {
      if let index = remaining.firstIndex(of: [card.front, card.back]) {
        remaining.remove(at: index)
      } else {
        wrong.append(card)
      }
    }
    let matched = parsed.cards.count - wrong.count
    let f1 = 2 * Double(matched) / Double(parsed.cards.count + expected.cards.count)
    #expect(f1 >= 0.9, "F1 \(f1)")
    let warnedLines = Set(parsed.warnings.map(\.line))
    for card in wrong {
      let cardLines = card.line...(card.line + card.back.split(separator: "\n").count + 1)
      #expect(!warnedLines.isDisjoint(with: cardLines), "unreported mistake at line \(card.line)")
    }
  }

  private func expected(_ deck: String) throws -> Expected {
    let url = Self.corpusFolder.appendingPathComponent(Self.expectedName(deck))
    return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
  }
}
