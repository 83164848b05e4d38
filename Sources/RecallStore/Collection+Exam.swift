import Foundation
import GRDB
import RecallCore

extension Collection {
  /// The exam plan of the deck named `deck` as of `now`, or `nil` when no exam is set or it has passed.
  ///
  /// Every studiable card takes part: studied cards with their memory state and last review day, new cards as
  /// new. The plan is recomputed from the cards' actual state each time, so it follows what was really studied.
  public func examPlan(deck: String, at now: Date = Date()) throws -> ExamPlan? {
    try database.read { db in try examPlan(deckID: Self.existingDeckID(named: deck, in: db), at: now, in: db) }
  }

  func examPlan(deckID: Int64, at now: Date, in db: Database) throws -> ExamPlan? {
    let (options, _) = try scheduling(deckID: deckID, in: db)
    let day = options.day
    let today = day.number(of: now)
    guard let exam = options.exam, today < exam.examDay else { return nil }
    var cards: [ExamCard] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, stability, difficulty, lastReview FROM card
        WHERE deckId = ? AND suspended = 0 AND front != '' AND back != '' ORDER BY position
        """, arguments: [deckID])
    while let row = try rows.next() {
      let id: Int64 = row[0]
      if let stability = row[1] as Double?, let difficulty = row[2] as Double?, let lastReview = row[3] as Double? {
        cards.append(
          ExamCard(
            id: String(id), memory: MemoryState(stability: stability, difficulty: difficulty),
            lastReviewDay: day.number(of: Date(timeIntervalSince1970: lastReview))))
      } else {
        cards.append(ExamCard(newCardID: String(id)))
      }
    }
    return ExamPlanner(parameters: try FSRSParameters(options.parameters)).plan(
      cards: cards, today: today, settings: exam)
  }
}
