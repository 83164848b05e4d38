import Foundation
import RecallCore
import RecallStore

/// Everything the Stats page draws: the store's deck statistics plus a year of daily answers, retention week
/// by week, and how the cards' stability and recall probability are spread.
struct CollectionStatistics: Sendable {
  /// A count in a histogram bucket.
  struct Bucket: Sendable, Hashable, Codable {
    /// The bucket's label (`1–3 d`, `80–90%`).
    var label: String
    /// Cards in it.
    var count: Int
  }

  /// Answers on one study day.
  struct Day: Sendable, Hashable, Codable {
    /// The day's start.
    var date: Date
    /// Answers given.
    var reviews: Int
  }

  /// Review answers in one week and how many were not Again.
  struct Week: Sendable, Hashable, Codable {
    /// The week's first day.
    var start: Date
    /// Review answers (cards in review, scheduled mode).
    var reviews: Int
    /// Of those, answers other than Again.
    var passed: Int

    /// The pass rate, or `nil` without reviews.
    var retention: Double? { reviews == 0 ? nil : Double(passed) / Double(reviews) }
  }

  /// What `recall stats` reports.
  var base: DeckStatistics
  /// The last 364 days and today, oldest first.
  var days: [Day]
  /// The last 16 weeks, oldest first.
  var weeks: [Week]
  /// Cards by stability.
  var stability: [Bucket]
  /// Cards studied at least once by their recall probability now.
  var retrievability: [Bucket]
  /// The median stability of studied cards, in days.
  var medianStability: Double?
  /// The desired retention of the deck (or the first deck).
  var desiredRetention: Double

  /// Days of the heatmap.
  static let dayCount = 365
  /// Weeks of the retention chart.
  static let weekCount = 16
  /// Upper bounds of the stability buckets, in days, and their labels.
  static let stabilityBounds: [(Double, String)] = [
    (1, "< 1 d"), (3, "1–3 d"), (7, "3–7 d"), (21, "1–3 wk"), (60, "3 wk–2 mo"), (180, "2–6 mo"),
    (365, "6–12 mo"), (.infinity, "> 1 y"),
  ]

  /// Computes the statistics of one deck, or of all decks when `deck` is `nil`.
  static func compute(_ collection: Collection, deck: String?, now: Date) throws -> CollectionStatistics {
    let base = try collection.statistics(deck: deck, at: now)
    let firstDeck = try deck ?? collection.decks().first?.name
    let options = try firstDeck.map { try collection.options(ofDeck: $0) } ?? DeckOptions()
    let day = options.day
    let today = day.number(of: now)
    let firstDay = today - dayCount + 1
    let windowStart = day.start(ofDay: firstDay)
    let firstWeekDay = today - weekCount * 7 + 1

    var schedulers: [String: Scheduler] = [:]
    func scheduler(_ deck: String) throws -> Scheduler {
      if let scheduler = schedulers[deck] { return scheduler }
      let scheduler = try collection.options(ofDeck: deck).scheduler()
      schedulers[deck] = scheduler
      return scheduler
    }

    var reviewsPerDay = [Int](repeating: 0, count: dayCount)
    var weekly = [(reviews: Int, passed: Int)](repeating: (0, 0), count: weekCount)
    var stabilityCounts = [Int](repeating: 0, count: stabilityBounds.count)
    var retrievabilityCounts = [Int](repeating: 0, count: 10)
    var stabilities: [Double] = []
    for card in try collection.cards(deck: deck) where card.schedule.phase != .new {
      if let stability = card.schedule.stability {
        stabilities.append(stability)
        let bucket = stabilityBounds.firstIndex { stability < $0.0 } ?? stabilityBounds.count - 1
        stabilityCounts[bucket] += 1
        let recall = try scheduler(card.deck).retrievability(of: card.schedule, at: now)
        retrievabilityCounts[min(9, max(0, Int(recall * 10)))] += 1
      }
    }
    let answers = try collection.answers(deck: deck, since: windowStart)
    for (answer, number) in zip(answers, day.numbers(of: answers.map(\.reviewedAt))) {
      if number >= firstDay, number <= today { reviewsPerDay[number - firstDay] += 1 }
      if answer.phaseBefore == .review, answer.mode == .scheduled, number >= firstWeekDay, number <= today {
        let week = (number - firstWeekDay) / 7
        weekly[week].reviews += 1
        if answer.rating != .again { weekly[week].passed += 1 }
      }
    }
    stabilities.sort()
    return CollectionStatistics(
      base: base,
      days: reviewsPerDay.enumerated().map { Day(date: day.start(ofDay: firstDay + $0.offset), reviews: $0.element) },
      weeks: weekly.enumerated().map {
        Week(
          start: day.start(ofDay: firstWeekDay + $0.offset * 7), reviews: $0.element.reviews,
          passed: $0.element.passed)
      },
      stability: zip(stabilityBounds, stabilityCounts).map { Bucket(label: $0.0.1, count: $0.1) },
      retrievability: retrievabilityCounts.enumerated().map {
        Bucket(label: "\($0.offset * 10)–\($0.offset * 10 + 10)%", count: $0.element)
      },
      medianStability: stabilities.isEmpty ? nil : stabilities[stabilities.count / 2],
      desiredRetention: options.desiredRetention)
  }
}
