import Foundation
import Testing

@testable import RecallCore

/// The user's own deck, pasted from a study site, imports exactly as the ground truth says.
struct SeedDeckTests {
  struct Expected: Decodable {
    struct Card: Decodable, Equatable {
      let front: String
      let back: String
    }
    let title: String
    let cards: [Card]
  }

  static func expected() throws -> Expected {
    // The shared copy is the source of truth when the checkout sits beside it; the fixture is a copy of it.
    let shared = TestFiles.packageRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/seed/khrushchev.expected.json")
    let data: Data
    if let sharedData = try? Data(contentsOf: shared) {
      data = sharedData
    } else {
      data = try TestFiles.data("Import/Fixtures/khrushchev.expected.json")
    }
    return try JSONDecoder().decode(Expected.self, from: data)
  }

  @Test func importsAllTwentySevenCardsExactly() throws {
    let expected = try Self.expected()
    let deck = try DeckParser.parse(TestFiles.repositoryData("examples/khrushchev.txt"), fileName: "khrushchev.txt")
    #expect(deck.format == .paste)
    #expect(deck.title == expected.title)
    #expect(deck.cards.map { Expected.Card(front: $0.front, back: $0.back) } == expected.cards)
  }

  @Test func warnsAboutTheAnswerWithNoQuestionAndTheQuestionWithNoAnswer() throws {
    let deck = try DeckParser.parse(TestFiles.repositoryData("examples/khrushchev.txt"))
    let missing = deck.warnings.filter { $0.message.contains("no question") || $0.message.contains("no answer") }
    #expect(missing.map(\.line) == [2, 52])
    #expect(deck.cards.filter(\.isIncomplete).map(\.line) == [2, 52])
  }

  @Test func cardLinesPointAtEachCardsFirstLine() throws {
    let text = String(decoding: try TestFiles.repositoryData("examples/khrushchev.txt"), as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let deck = try DeckParser.parse(Data(text.utf8))
    for card in deck.cards {
      let firstLine = card.front.isEmpty ? card.back.split(separator: "\n")[0] : Substring(card.front)
      #expect(lines[card.line - 1] == firstLine)
    }
  }
}
