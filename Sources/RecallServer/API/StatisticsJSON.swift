import Foundation
import RecallCore

extension APIModels {
  /// `GET /api/v1/stats`: the figures behind every chart of the Stats page.
  struct Statistics: Codable, Sendable {
    /// Today, the last 30 days, retention, the 30-day forecast and card states, as `recall stats` reports them.
    var summary: DeckStatistics
    /// Answers per day over the last year, oldest first.
    var days: [CollectionStatistics.Day]
    /// Review answers and passes per week over the last 16 weeks, oldest first.
    var weeks: [CollectionStatistics.Week]
    /// Studied cards by stability.
    var stability: [CollectionStatistics.Bucket]
    /// Studied cards by recall probability now.
    var retrievability: [CollectionStatistics.Bucket]
    /// The median stability in days.
    var medianStability: Double?
    /// The retention reviews are scheduled for.
    var desiredRetention: Double

    init(_ statistics: CollectionStatistics) {
      summary = statistics.base
      days = statistics.days
      weeks = statistics.weeks
      stability = statistics.stability
      retrievability = statistics.retrievability
      medianStability = statistics.medianStability
      desiredRetention = statistics.desiredRetention
    }
  }
}
