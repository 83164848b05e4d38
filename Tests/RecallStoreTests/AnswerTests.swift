import Foundation
import GRDB
import RecallCore
import Testing

@testable import RecallStore

/// Answering: one transaction per answer, an append-only log, exact undo, leeches, cram.
struct AnswerTests {
  let moment = TestCollections.moment

  @Test func answerWritesTheNewStateAndALogRowThatMatchesTheScheduler() throws {
    let collection = try TestCollections.deck(1)
    let id = try TestCollections.ids(collection)[0]
    let now = moment("2024-01-01T12:00:00Z")
    let before = try collection.card(id: id)
    let outcome = try collection.answer(cardID: id, rating: .good, at: now, duration: 4.2)
    let expected = try TestCollections.utcOptions.scheduler().next(
      before.schedule, rating: .good, at: now, fuzzSeed: FuzzSeed.make(cardID: UInt64(id), reps: 0))
    #expect(outcome.after.schedule == expected)
    #expect(try collection.card(id: id).schedule == expected)
    let history = try collection.history(cardID: id)
    #expect(history.count == 1)
    #expect(history[0].rating == .good)
    #expect(history[0].durationMs == 4200)
    #expect(history[0].phaseBefore == .new)
    #expect(history[0].phaseAfter == .learning)
    #expect(history[0].mode == "scheduled")
  }

  @Test func undoRestoresExactlyAnyNumberOfStepsBack() throws {
    var options = TestCollections.utcOptions
    options.fuzz = true
    let collection = try TestCollections.deck(3, options: options)
    let ids = try TestCollections.ids(collection)
    let initial = try collection.cards(deck: "D")
    var now = moment("2024-01-01T12:00:00Z")
    var states: [[Card]] = [initial]
    for (id, rating) in [(ids[0], Rating.good), (ids[1], .again), (ids[0], .good), (ids[2], .easy), (ids[0], .hard)] {
      now = now.addingTimeInterval(3 * 86_400)
      try collection.answer(cardID: id, rating: rating, at: now)
      states.append(try collection.cards(deck: "D"))
    }
    for expected in states.dropLast().reversed() {
      try collection.undoLastAnswer(at: now)
      #expect(try collection.cards(deck: "D") == expected)
    }
    #expect(try collection.undoLastAnswer() == nil)
    #expect(try ids.allSatisfy { try collection.history(cardID: $0).isEmpty })
  }

  @Test func answeringAgainAfterUndoGivesTheSameFuzzedInterval() throws {
    var options = TestCollections.utcOptions
    options.fuzz = true
    let collection = try TestCollections.deck(1, options: options)
    let id = try TestCollections.ids(collection)[0]
    try collection.answer(cardID: id, rating: .easy, at: moment("2024-01-01T12:00:00Z"))
    let first = try collection.answer(cardID: id, rating: .good, at: moment("2024-01-20T12:00:00Z"))
    try collection.undoLastAnswer()
    let second = try collection.answer(cardID: id, rating: .good, at: moment("2024-01-20T12:00:00Z"))
    #expect(first.after.schedule == second.after.schedule)
  }

  @Test(arguments: [DeckOptions.LeechAction.tag, .suspend])
  func aCardBecomesALeechAtEightLapsesThenEveryFour(action: DeckOptions.LeechAction) throws {
    var options = TestCollections.utcOptions
    options.leechAction = action
    let collection = try TestCollections.deck(1, options: options)
    let id = try TestCollections.ids(collection)[0]
    var now = moment("2024-01-01T12:00:00Z")
    try collection.answer(cardID: id, rating: .easy, at: now)
    var leechAt: [Int] = []
    for _ in 1...16 {
      if action == .suspend { try collection.setSuspended(false, cardIDs: [id], at: now) }
      now = try collection.card(id: id).schedule.due.addingTimeInterval(60)
      let lapse = try collection.answer(cardID: id, rating: .again, at: now)
      if lapse.becameLeech { leechAt.append(lapse.after.schedule.lapses) }
      #expect(lapse.after.suspended == (action == .suspend && lapse.becameLeech))
      now = try collection.card(id: id).schedule.due.addingTimeInterval(60)
      try collection.answer(cardID: id, rating: .good, at: now)
    }
    #expect(leechAt == [8, 12, 16])
    #expect(try collection.card(id: id).isLeech)
  }

  @Test(arguments: [(8, [8, 12, 16, 20]), (5, [5, 8, 11, 14]), (1, [1, 2, 3, 4])])
  func leechThresholds(threshold: Int, leeches: [Int]) {
    var options = DeckOptions()
    options.leechThreshold = threshold
    #expect((1...max(20, leeches.last!)).filter(options.isLeechThreshold).prefix(4) == leeches[...])
  }

  @Test func cramLogsTheAnswerButLeavesTheSchedule() throws {
    let collection = try TestCollections.deck(1)
    let id = try TestCollections.ids(collection)[0]
    let before = try collection.card(id: id)
    try collection.answer(cardID: id, rating: .again, at: moment("2024-01-01T12:00:00Z"), cram: true)
    #expect(try collection.card(id: id) == before)
    #expect(try collection.history(cardID: id).map(\.mode) == ["cram"])
    #expect(try collection.queue(deck: "D", at: moment("2024-01-01T12:00:01Z")).counts.new == 1)
  }

  @Test func resetAndSetDueKeepHistory() throws {
    let collection = try TestCollections.deck(1)
    let id = try TestCollections.ids(collection)[0]
    let now = moment("2024-01-01T12:00:00Z")
    try collection.answer(cardID: id, rating: .easy, at: now)
    try collection.setDue(cardIDs: [id], inDays: 0, at: now)
    #expect(try collection.card(id: id).schedule.due == moment("2024-01-01T04:00:00Z"))
    #expect(try collection.queue(deck: "D", at: now).counts.review == 1)
    try collection.reset(cardIDs: [id], at: now)
    #expect(try collection.card(id: id).schedule.phase == .new)
    #expect(try collection.history(cardID: id).count == 1)
  }
}

/// Deleting cards removes them and their history, and nothing else.
struct DeleteTests {
  @Test func deleteRemovesTheCardAndItsHistoryOnly() throws {
    let collection = try TestCollections.deck(2)
    let ids = try TestCollections.ids(collection)
    try collection.answer(cardID: ids[0], rating: .good)
    try collection.answer(cardID: ids[1], rating: .good)
    try collection.delete(cardIDs: [ids[0]])
    #expect(try TestCollections.ids(collection) == [ids[1]])
    #expect(throws: StoreError.cardNotFound(ids[0])) { try collection.history(cardID: ids[0]) }
    #expect(try collection.history(cardID: ids[1]).count == 1)
  }
}
