import Foundation
import GRDB
import RecallCore
import Testing

@testable import RecallStore

/// Saving imported cards: decks, re-import matching, and history kept across updates.
struct CollectionImportTests {
  static let cards = [
    ImportedCard(front: "Q1", back: "A1", line: 1),
    ImportedCard(front: "", back: "orphan answer", line: 3),
    ImportedCard(front: "Q2", back: "", line: 4),
    ImportedCard(front: "Q1", back: "second card with the same front", line: 5),
  ]

  @Test func savesNewCardsInImportOrder() throws {
    let collection = try Collection()
    let summary = try collection.save(Self.cards, toDeck: "History")
    #expect(summary == ImportSummary(deck: "History", added: 4, updated: 0, unchanged: 0, flagged: 2))
    let saved = try collection.cards(deck: "History")
    #expect(saved.map(\.front) == ["Q1", "", "Q2", "Q1"])
    #expect(saved.map(\.flagged) == [false, true, true, false])
    #expect(saved.allSatisfy { $0.schedule.phase == .new })
  }

  @Test func reimportMatchesByFrontAndNeverDuplicates() throws {
    let collection = try Collection()
    _ = try collection.save(Self.cards, toDeck: "History")
    let again = try collection.save(Self.cards, toDeck: "History")
    #expect(again == ImportSummary(deck: "History", added: 0, updated: 0, unchanged: 4, flagged: 2))
    var edited = Self.cards
    edited[2].back = "now answered"
    edited.append(ImportedCard(front: "Q3", back: "A3", line: 9))
    let third = try collection.save(edited, toDeck: "History")
    #expect(third == ImportSummary(deck: "History", added: 1, updated: 1, unchanged: 3, flagged: 1))
    #expect(
      try collection.cards(deck: "History").map(\.back) == [
        "A1", "orphan answer", "now answered", "second card with the same front", "A3",
      ])
  }

  @Test func updatingACardKeepsItsReviewHistory() throws {
    let collection = try Collection()
    _ = try collection.save([ImportedCard(front: "Q", back: "old", line: 1)], toDeck: "D")
    let id = try #require(try collection.cards().first?.id)
    try collection.answer(cardID: id, rating: .good)
    _ = try collection.save([ImportedCard(front: "Q", back: "new", line: 1)], toDeck: "D")
    let reviews = try collection.database.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review WHERE cardId = ?", arguments: [id])
    }
    #expect(reviews == 1)
    #expect(try collection.cards().map(\.back) == ["new"])
  }

  @Test func listingFiltersByDeckAndText() throws {
    let collection = try Collection()
    _ = try collection.save(Self.cards, toDeck: "History")
    _ = try collection.save([ImportedCard(front: "Mitosis", back: "cell division", line: 1)], toDeck: "Biology")
    #expect(try collection.cards(search: "ORPHAN").map(\.back) == ["orphan answer"])
    #expect(try collection.cards(deck: "Biology").map(\.front) == ["Mitosis"])
    #expect(try collection.decks().map(\.name) == ["Biology", "History"])
    #expect(throws: StoreError.deckNotFound("Chemistry")) { try collection.cards(deck: "Chemistry") }
  }

  @Test func concurrentWritersBothLand() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-store-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("c.sqlite").path
    _ = try Collection(path: path)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for writer in 0..<4 {
        group.addTask {
          let collection = try Collection(path: path)
          for batch in 0..<10 {
            let cards = (0..<50).map { ImportedCard(front: "w\(writer) b\(batch) c\($0)", back: "x", line: $0 + 1) }
            _ = try collection.save(cards, toDeck: "Deck \(writer % 2)")
          }
        }
      }
      try await group.waitForAll()
    }
    let collection = try Collection(path: path)
    #expect(try collection.cards().count == 4 * 10 * 50)
    #expect(try collection.integrityCheck() == ["ok"])
  }
}
