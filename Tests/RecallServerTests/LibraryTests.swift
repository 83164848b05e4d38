import Foundation
import RecallCore
import RecallStore
import Testing

@testable import RecallServer

/// The server's layer over the collection: the cached queue and the answer committer.
@Suite struct LibraryTests {
  @Test func answeredCardsLeaveTheCachedQueueAndItsCounts() async throws {
    let collection = try Fixture.collection()
    let library = Library(collection: collection, checker: FuzzyAnswerChecker())
    let id = try Fixture.deckID(Fixture.seedDeck, in: collection)
    let first = try await library.nextStep(deckID: id, mode: .flip)
    let card = try #require(first.card)
    #expect(first.counts.new == 20)
    _ = try await library.answer(cardID: card.id, rating: .good, durationMs: 1000)
    let second = try await library.nextStep(deckID: id, mode: .flip)
    #expect(second.card?.id != card.id)
    #expect(second.counts.new == 19)
    #expect(second.counts.learning == 0)
    // Undo is not an answer: the queue is built again and the card comes back first.
    _ = try await library.write { try $0.undoLastAnswer() }
    let third = try await library.nextStep(deckID: id, mode: .flip)
    #expect(third.card?.id == card.id)
    #expect(third.counts.new == 20)
  }

  @Test func theQueueIsNotRebuiltForEveryRequest() async throws {
    let builds = Mutable(0)
    let cache = QueueCache(lifetime: 60)
    let queue = try Fixture.collection().queue(deck: Fixture.seedDeck)
    let (first, second, third) = (queue.cardIDs[0], queue.cardIDs[1], queue.cardIDs[2])
    try await withThrowingTaskGroup(of: QueueView.self) { group in
      for _ in 0..<20 {
        group.addTask {
          try await cache.view(deck: "D", now: Date()) {
            builds.value += 1
            try await Task.sleep(for: .milliseconds(20))
            return queue
          }
        }
      }
      for try await view in group { #expect(view.first == first) }
    }
    #expect(builds.value == 1)
    cache.answered(cardID: first, deck: "D", phaseBefore: .new, at: Date())
    let view = try await cache.view(deck: "D", now: Date()) { queue }
    #expect(view.first == second)
    #expect(view.second == third)
    #expect(view.counts.new == 19)
    #expect(builds.value == 1)
  }

  @Test func concurrentAnswersAreAllCommittedAndAFailureStaysAlone() async throws {
    let collection = try Fixture.collection()
    let library = Library(collection: collection, checker: FuzzyAnswerChecker())
    let ids = try collection.cards(deck: Fixture.seedDeck).filter { !$0.flagged }.map(\.id)
    try await withThrowingTaskGroup(of: Bool.self) { group in
      for id in ids + [987_654] {
        group.addTask {
          do {
            _ = try await library.answers.answer(PendingAnswer(cardID: id, rating: .good, at: Date(), duration: nil))
            return true
          } catch {
            return false
          }
        }
      }
      var committed = 0
      for try await ok in group where ok { committed += 1 }
      #expect(committed == ids.count)
    }
    for id in ids { #expect(try collection.history(cardID: id).count == 1) }
  }
}
