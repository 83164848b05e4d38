import Foundation

@testable import RecallCore

/// The hand-labelled typed answers in `Fixtures/grading-dev.jsonl`, with the decks they come from.
struct LabelledAnswer: Decodable, Sendable {
  let deck: String
  let card: Int
  let front: String
  let expected: String
  let typed: String
  let verdict: GradeVerdict
  let pointsHit: Int
  let pointsTotal: Int
  let kind: String

  enum CodingKeys: String, CodingKey {
    case deck, card, front, expected, typed, verdict, kind
    case pointsHit = "points_hit"
    case pointsTotal = "points_total"
  }
}

enum LabelledAnswers {
  static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  private struct DeckFile: Decodable {
    struct Card: Decodable {
      let front: String
      let back: String
    }
    let cards: [Card]
  }

  /// The development set.
  static func development() throws -> [LabelledAnswer] {
    let data = try Data(contentsOf: testsFolder.appendingPathComponent("Grading/Fixtures/grading-dev.jsonl"))
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
      try JSONDecoder().decode(LabelledAnswer.self, from: Data($0.utf8))
    }
  }

  /// A corpus deck's cards, as the grader takes them.
  static func deck(_ name: String) throws -> [QuizCard] {
    let url = testsFolder.appendingPathComponent("Import/Corpus/\(name).expected.json")
    let file = try JSONDecoder().decode(DeckFile.self, from: Data(contentsOf: url))
    return file.cards.enumerated().map {
      QuizCard(id: Int64($0.offset), front: $0.element.front, back: $0.element.back)
    }
  }

  /// Every corpus deck by name.
  static func allDecks() throws -> [String: [QuizCard]] {
    let folder = testsFolder.appendingPathComponent("Import/Corpus")
    var decks: [String: [QuizCard]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".expected.json")
    {
      let deckName = String(name.dropLast(".expected.json".count))
      decks[deckName] = try deck(deckName)
    }
    return decks
  }
}
