import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall stats`: today, the last 30 days, retention, the forecast and the cards' states.
struct StatsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats", abstract: "Show study statistics: today, the last 30 days, retention and the forecast.")

  @OptionGroup var collection: CollectionOptions

  @Option(help: "Only this deck.")
  var deck: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let stats = try storeCall { try collection.open().statistics(deck: deck) }
      if json { return try JSONOutput.print(stats) }
      print(Self.report(stats, title: deck ?? "All decks"))
    }
  }

  static func report(_ stats: DeckStatistics, title: String) -> String {
    func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
    let minutes = Int(stats.secondsToday / 60)
    var lines = [
      title,
      "",
      "Today      \(stats.reviewedToday) answered · \(percent(stats.accuracyToday)) correct · \(minutes) min",
      "30 days    \(sparkline(stats.reviewsPerDay))  \(stats.reviewsPerDay.reduce(0, +)) answers",
      "Retention  young \(percent(stats.trueRetentionYoung)) (\(stats.youngReviews)) · mature "
        + "\(percent(stats.trueRetentionMature)) (\(stats.matureReviews))  — pass rate of reviews, last 30 days",
      "Due        next 7 days: " + stats.forecast.prefix(7).map(String.init).joined(separator: " ")
        + " · next 30 days: \(stats.forecast.reduce(0, +))",
      "Cards      \(stats.new) new · \(stats.learning) learning · \(stats.review) review · \(stats.suspended) suspended"
        + " · \(stats.flagged) flagged",
    ]
    if let recall = stats.averageRetrievability {
      lines.append("Memory     you would recall \(percent(recall)) of the cards you have studied, today")
    }
    return lines.joined(separator: "\n")
  }

  /// Counts as a row of block characters, highest = █; zero is a space-like ▁ so the days stay visible.
  static func sparkline(_ values: [Int]) -> String {
    let blocks = Array("▁▂▃▄▅▆▇█")
    let highest = values.max() ?? 0
    guard highest > 0 else { return String(repeating: "·", count: values.count) }
    return String(values.map { $0 == 0 ? "·" : blocks[min(7, Int((Double($0) / Double(highest) * 7).rounded()))] })
  }
}
