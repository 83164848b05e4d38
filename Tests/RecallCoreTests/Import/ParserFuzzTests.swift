import Foundation
import Testing

@testable import RecallCore

/// Random and mutated decks never crash a parser, and what comes out always holds together.
struct ParserFuzzTests {
  static let fragments = [
    "What is", "?", "- ", "• ", "1. ", "Q: ", "A: ", "#separator:tab", "\t", ",", "\"", "\"\"", ";", " - ", "::",
    "{{c1::", "}}", "{{c2::x::", "==", "# ", "## ", "```", "=", ":", "<br>", "<div>", "</div>", "&amp;", "&#x;",
    "<script>", "\n", "\n\n", "\r\n", "é", "’", "😀", "Socialist legality", "Because", ".", "!", " ", "?\n",
  ]

  static func check(_ text: String, seed: UInt64) throws {
    let lineCount = try SourceText(text: text).lines.count
    for format in [nil] + ImportFormat.allCases.map(Optional.some) {
      guard let deck = try? DeckParser.parse(Data(text.utf8), format: format) else { continue }
      for card in deck.cards {
        #expect((1...max(lineCount, 1)).contains(card.line), "seed \(seed) format \(String(describing: format))")
      }
      for warning in deck.warnings {
        #expect((1...max(lineCount, 1)).contains(warning.line), "seed \(seed) format \(String(describing: format))")
      }
    }
  }

  @Test(arguments: 0..<200)
  func randomDecks(seed: Int) throws {
    var random = SeededNumbers(seed: UInt64(seed))
    let text = (0..<Int.random(in: 1...80, using: &random)).map { _ in Self.fragments.randomElement(using: &random)! }
      .joined()
    try Self.check(text, seed: UInt64(seed))
  }

  @Test(arguments: 0..<100)
  func mutatedSeedDeck(seed: Int) throws {
    var random = SeededNumbers(seed: UInt64(seed) &+ 1000)
    var scalars = Array(
      String(decoding: try TestFiles.repositoryData("examples/khrushchev.txt"), as: UTF8.self).unicodeScalars)
    for _ in 0..<Int.random(in: 1...30, using: &random) {
      let position = Int.random(in: 0..<scalars.count, using: &random)
      switch Int.random(in: 0..<3, using: &random) {
      case 0: scalars.remove(at: position)
      case 1: scalars.insert(contentsOf: Self.fragments.randomElement(using: &random)!.unicodeScalars, at: position)
      default: scalars.swapAt(position, Int.random(in: 0..<scalars.count, using: &random))
      }
    }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    try Self.check(text, seed: UInt64(seed))
  }
}
