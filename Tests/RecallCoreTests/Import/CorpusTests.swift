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

  @Test(arguments: decks)
  func importsAsExpected(deck: String) throws {
    let expected = try expected(deck)
    let data = try Data(contentsOf: Self.corpusFolder.appendingPathComponent(deck))
    let parsed = try DeckParser.parse(data, fileName: deck)
    #expect(parsed.format == expected.format)
    #expect(parsed.title == expected.title)
    #expect(parsed.cards.count == expected.cards.count)
    for (got, want) in zip(parsed.cards, expected.cards) {
      #expect(got.front == want.front, "line \(want.line)")
      #expect(got.back == want.back, "line \(want.line)")
      #expect(got.line == want.line, "card “\(want.front)”")
    }
  }

  private func expected(_ deck: String) throws -> Expected {
    let url = Self.corpusFolder.appendingPathComponent(Self.expectedName(deck))
    return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
  }
}
