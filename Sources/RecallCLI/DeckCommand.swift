import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall deck`: per-deck settings.
struct DeckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deck", abstract: "Per-deck settings.", subcommands: [Options.self])

  /// `recall deck options NAME [...]`: show or change a deck's study options.
  struct Options: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a deck's study options, or change those given.")

    @OptionGroup var collection: CollectionOptions

    @Argument(help: "The deck.")
    var deck: String

    @Option(help: "New cards per day.") var newPerDay: Int?
    @Option(help: "Reviews per day.") var reviewsPerDay: Int?
    @Option(help: "Desired retention, e.g. 0.9.") var desiredRetention: Double?
    @Option(help: "Learning steps, e.g. \"1m 10m\".") var learningSteps: String?
    @Option(help: "Relearning steps, e.g. \"10m\".") var relearningSteps: String?
    @Option(help: "Maximum interval in days.") var maximumInterval: Int?
    @Option(help: "Hour the study day starts (0–23).") var dayStartHour: Int?
    @Option(help: "Time zone of the day boundary, e.g. Europe/London.") var timeZone: String?
    @Option(help: "Learn-ahead limit in minutes.") var learnAhead: Double?
    @Option(help: "Lapses before a card is a leech.") var leechThreshold: Int?
    @Option(help: "What to do with leeches: tag or suspend.") var leechAction: String?
    @Option(help: "Fuzz review intervals: true or false.") var fuzz: Bool?
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
      try await reportingFailures {
        let store = try collection.open()
        var options = try storeCall { try store.options(ofDeck: deck) }
        let before = options
        if let newPerDay { options.newCardsPerDay = newPerDay }
        if let reviewsPerDay { options.reviewsPerDay = reviewsPerDay }
        if let desiredRetention { options.desiredRetention = desiredRetention }
        if let learningSteps { options.learningSteps = try Self.steps(learningSteps) }
        if let relearningSteps { options.relearningSteps = try Self.steps(relearningSteps) }
        if let maximumInterval { options.maximumInterval = maximumInterval }
        if let dayStartHour { options.dayStartHour = dayStartHour }
        if let timeZone {
          guard TimeZone(identifier: timeZone) != nil else { throw CommandFailure("unknown time zone “\(timeZone)”") }
          options.timeZone = timeZone
        }
        if let learnAhead { options.learnAheadSeconds = learnAhead * 60 }
        if let leechThreshold { options.leechThreshold = leechThreshold }
        if let leechAction {
          guard let action = DeckOptions.LeechAction(rawValue: leechAction) else {
            throw CommandFailure("leech action must be tag or suspend, not “\(leechAction)”")
          }
          options.leechAction = action
        }
        if let fuzz { options.fuzz = fuzz }
        if options != before { try storeCall { try store.setOptions(options, ofDeck: deck) } }
        if json { return try JSONOutput.print(options) }
        print(
          """
          \(deck):
            new cards per day  \(options.newCardsPerDay)
            reviews per day    \(options.reviewsPerDay)
            desired retention  \(options.desiredRetention)
            learning steps     \(options.learningSteps.map(Self.format).joined(separator: " "))
            relearning steps   \(options.relearningSteps.map(Self.format).joined(separator: " "))
            maximum interval   \(options.maximumInterval) days
            day starts at      \(options.dayStartHour):00 \(options.timeZone ?? options.resolvedTimeZone.identifier)
            learn ahead        \(Int(options.learnAheadSeconds / 60)) minutes
            leeches            \(options.leechThreshold) lapses, then \(options.leechAction.rawValue)
            fuzz               \(options.fuzz)
          """)
      }
    }

    /// Steps written as "1m 10m 1h 1d" (a bare number is minutes).
    static func steps(_ text: String) throws -> [TimeInterval] {
      try text.split(whereSeparator: { $0 == " " || $0 == "," }).map { word in
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let unit = word.last.flatMap { units[$0] }
        guard let value = Double(unit == nil ? word : word.dropLast()), value > 0 else {
          throw CommandFailure("cannot read the step “\(word)”: write steps like 1m 10m 1h 1d")
        }
        return value * (unit ?? 60)
      }
    }

    static func format(_ seconds: TimeInterval) -> String {
      switch seconds {
      case let s where s.truncatingRemainder(dividingBy: 86_400) == 0: return "\(Int(s / 86_400))d"
      case let s where s.truncatingRemainder(dividingBy: 3600) == 0: return "\(Int(s / 3600))h"
      case let s where s.truncatingRemainder(dividingBy: 60) == 0: return "\(Int(s / 60))m"
      default: return "\(Int(seconds))s"
      }
    }
  }
}
