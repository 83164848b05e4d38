import Foundation
import GRDB
import RecallCore

extension Collection {
  /// Every card's scheduled answers, oldest first, as the optimizer reads them; cram answers are left out, since
  /// they did not follow a schedule.
  public func reviewHistories(deck: String? = nil) throws -> [CardHistory] {
    try database.read { db in
      var arguments: StatementArguments = []
      var filter = ""
      if let deck {
        filter = "AND card.deckId = ?"
        _ = arguments.append(contentsOf: [try Self.existingDeckID(named: deck, in: db)])
      }
      var histories: [Int64: [ReviewEvent]] = [:]
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT review.cardId, review.reviewedAt, review.rating, review.durationMs
          FROM review JOIN card ON card.id = review.cardId
          WHERE review.mode = 'scheduled' \(filter) ORDER BY review.id
          """, arguments: arguments)
      while let row = try rows.next() {
        let duration: Int? = row[3]
        histories[row[0], default: []].append(
          ReviewEvent(
            time: Date(timeIntervalSince1970: row[1]), rating: Rating(rawValue: row[2]) ?? .again,
            duration: duration.map { Double($0) / 1000 }))
      }
      return histories.keys.sorted().map { CardHistory(cardID: String($0), reviews: histories[$0]!) }
    }
  }
}
