import Foundation
import RecallCore
import Testing

@testable import RecallStore

/// Today's queue: Anki's order, daily limits, learn-ahead and the 4 am day boundary.
struct StudyQueueTests {
  let moment = TestCollections.moment

  @Test func newCardsComeInImportOrderWithinTheDailyLimit() throws {
    var options = TestCollections.utcOptions
    options.newCardsPerDay = 3
    let collection = try TestCollections.deck(5, options: options)
    let ids = try TestCollections.ids(collection)
    let now = moment("2024-01-02T12:00:00Z")
    #expect(try collection.queue(deck: "D", at: now).cardIDs == Array(ids.prefix(3)))
    try collection.answer(cardID: ids[0], rating: .good, at: now)
    let queue = try collection.queue(deck: "D", at: now.addingTimeInterval(1))
    #expect(queue.counts.new == 2)
    // The card just answered is in learning, due in 10 minutes: within the learn-ahead limit, so it comes last.
    #expect(queue.cardIDs == [ids[1], ids[2], ids[0]])
    // The next study day brings three more new cards.
    #expect(try collection.queue(deck: "D", at: moment("2024-01-03T05:00:00Z")).counts.new == 3)
  }

  @Test func learningDueNowComesFirstThenReviewsByRetrievabilityThenNew() throws {
    let collection = try TestCollections.deck(5)
    let ids = try TestCollections.ids(collection)
    let start = moment("2024-01-01T12:00:00Z")
    // Two cards graduate to review on different days with different stabilities; one is left in learning.
    try collection.answer(cardID: ids[0], rating: .easy, at: start)
    try collection.answer(cardID: ids[1], rating: .good, at: start)
    try collection.answer(cardID: ids[1], rating: .good, at: start.addingTimeInterval(600))
    try collection.answer(cardID: ids[2], rating: .again, at: start)
    let later = moment("2024-01-20T12:00:00Z")
    let queue = try collection.queue(deck: "D", at: later)
    let r0 = try collection.retrievability(cardID: ids[0], at: later)
    let r1 = try collection.retrievability(cardID: ids[1], at: later)
    #expect(r1 < r0)
    #expect(queue.cardIDs == [ids[2], ids[1], ids[0], ids[3], ids[4]])
    #expect(queue.counts == StudyCounts(review: 2, learning: 1, new: 2))
  }

  @Test func learningCardsWithinTheLearnAheadLimitComeLast() throws {
    let collection = try TestCollections.deck(2)
    let ids = try TestCollections.ids(collection)
    let start = moment("2024-01-01T12:00:00Z")
    try collection.answer(cardID: ids[0], rating: .good, at: start)  // due in 10 minutes
    let soon = try collection.queue(deck: "D", at: start.addingTimeInterval(60))
    #expect(soon.cardIDs == [ids[1], ids[0]])
    var options = TestCollections.utcOptions
    options.learnAheadSeconds = 0
    try collection.setOptions(options, ofDeck: "D")
    let waiting = try collection.queue(deck: "D", at: start.addingTimeInterval(60))
    #expect(waiting.cardIDs == [ids[1]])
    #expect(waiting.nextLearningDue == start.addingTimeInterval(600))
  }

  @Test func reviewLimitCapsReviewsAndNewCards() throws {
    var options = TestCollections.utcOptions
    options.reviewsPerDay = 2
    let collection = try TestCollections.deck(6, options: options)
    let ids = try TestCollections.ids(collection)
    let start = moment("2024-01-01T12:00:00Z")
    for id in ids.prefix(4) { try collection.answer(cardID: id, rating: .easy, at: start) }
    let queue = try collection.queue(deck: "D", at: moment("2024-03-01T12:00:00Z"))
    #expect(queue.counts == StudyCounts(review: 2, learning: 0, new: 0))
  }

  @Test func suspendedBuriedAndFlaggedCardsStayOut() throws {
    let collection = try Collection()
    _ = try collection.save(
      [
        ImportedCard(front: "Q1", back: "A1", line: 1), ImportedCard(front: "Q2", back: "A2", line: 2),
        ImportedCard(front: "Q3", back: "A3", line: 3), ImportedCard(front: "Q4", back: "", line: 4),
      ], toDeck: "D")
    try collection.setOptions(TestCollections.utcOptions, ofDeck: "D")
    let ids = try TestCollections.ids(collection)
    let now = moment("2024-01-02T12:00:00Z")
    try collection.setSuspended(true, cardIDs: [ids[0]], at: now)
    try collection.bury(cardIDs: [ids[1]], at: now)
    let queue = try collection.queue(deck: "D", at: now)
    #expect(queue.cardIDs == [ids[2]])
    #expect(queue.flagged == 1)
    // Buried cards return when the next study day starts at 04:00.
    #expect(try collection.queue(deck: "D", at: moment("2024-01-03T03:59:00Z")).cardIDs == [ids[2]])
    #expect(try collection.queue(deck: "D", at: moment("2024-01-03T04:00:00Z")).cardIDs == [ids[1], ids[2]])
  }

  struct Boundary: Sendable, CustomTestStringConvertible {
    let zone: String
    let reviewedAt: String
    let beforeStart: String
    let atStart: String
    var testDescription: String { "\(zone) \(reviewedAt)" }
  }

  /// A review card due "in 1 day" becomes due at 04:00 local time on the next day, whatever the zone, and on the
  /// days clocks change (2024-03-10 and 2024-11-03 in New York; 2024-03-31 in London).
  @Test(arguments: [
    Boundary(
      zone: "America/New_York", reviewedAt: "2024-03-09T12:00:00-05:00", beforeStart: "2024-03-10T03:59:00-04:00",
      atStart: "2024-03-10T04:00:00-04:00"),
    Boundary(
      zone: "America/New_York", reviewedAt: "2024-11-02T12:00:00-04:00", beforeStart: "2024-11-03T03:59:00-05:00",
      atStart: "2024-11-03T04:00:00-05:00"),
    Boundary(
      zone: "Europe/London", reviewedAt: "2024-03-30T22:00:00Z", beforeStart: "2024-03-31T03:59:00+01:00",
      atStart: "2024-03-31T04:00:00+01:00"),
    Boundary(
      zone: "Asia/Kolkata", reviewedAt: "2024-06-01T10:00:00+05:30", beforeStart: "2024-06-02T03:59:00+05:30",
      atStart: "2024-06-02T04:00:00+05:30"),
  ])
  func reviewsBecomeDueAtFourInTheMorningLocalTime(_ boundary: Boundary) throws {
    var options = TestCollections.utcOptions
    options.timeZone = boundary.zone
    options.learningSteps = []
    // w0..w3 = 1 day for every first rating: Hard on the first review schedules the card 1 day out (Good would
    // be pushed to 2 days, since live mode keeps Good at least a day beyond Hard, as Anki does).
    options.parameters[0] = 1
    options.parameters[1] = 1
    options.parameters[2] = 1
    options.parameters[3] = 1
    let collection = try TestCollections.deck(1, options: options)
    let id = try TestCollections.ids(collection)[0]
    let outcome = try collection.answer(cardID: id, rating: .hard, at: moment(boundary.reviewedAt))
    #expect(outcome.after.schedule.phase == .review)
    #expect(outcome.after.schedule.due == moment(boundary.atStart))
    #expect(try collection.queue(deck: "D", at: moment(boundary.beforeStart)).counts.review == 0)
    #expect(try collection.queue(deck: "D", at: moment(boundary.atStart)).counts.review == 1)
  }
}
