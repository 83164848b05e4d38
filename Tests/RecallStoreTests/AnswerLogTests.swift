import Foundation
import RecallCore
import Testing

@testable import RecallStore

/// The review log as the Stats charts read it: one deck or all, since a moment, oldest first.
struct AnswerLogTests {
  let moment = TestCollections.moment

  @Test func answersOfADeckSinceAMomentInTimeOrder() throws {
    let collection = try TestCollections.deck(2)
    _ = try collection.save([ImportedCard(front: "Other", back: "deck", line: 1)], toDeck: "E")
    let (first, second) = try (TestCollections.ids(collection)[0], TestCollections.ids(collection)[1])
    let other = try #require(collection.cards(deck: "E").first?.id)
    try collection.answer(cardID: second, rating: .good, at: moment("2024-01-01T09:00:00Z"))
    try collection.answer(cardID: first, rating: .again, at: moment("2024-01-02T09:00:00Z"))
    try collection.answer(cardID: other, rating: .easy, at: moment("2024-01-03T09:00:00Z"))
    try collection.answer(cardID: first, rating: .hard, at: moment("2024-01-04T09:00:00Z"), cram: true)

    let deck = try collection.answers(deck: "D", since: moment("2024-01-01T12:00:00Z"))
    #expect(deck.map(\.reviewedAt) == [moment("2024-01-02T09:00:00Z"), moment("2024-01-04T09:00:00Z")])
    #expect(deck.map(\.rating) == [.again, .hard])
    #expect(deck.map(\.mode) == [.scheduled, .cram])
    #expect(deck[0].phaseBefore == .new)

    let all = try collection.answers(since: moment("2024-01-01T00:00:00Z"))
    #expect(all.map(\.rating) == [.good, .again, .easy, .hard])
    #expect(throws: StoreError.deckNotFound("Nope")) { try collection.answers(deck: "Nope", since: .distantPast) }
  }
}
