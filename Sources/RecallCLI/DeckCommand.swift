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
            learning steps     \(StepText.format(options.learningSteps))
            relearning steps   \(StepText.format(options.relearningSteps))
            maximum interval   \(options.maximumInterval) days
            day starts at      \(options.dayStartHour):00 \(options.timeZone ?? options.resolvedTimeZone.identifier)
            learn ahead        \(Int(options.learnAheadSeconds / 60)) minutes
            leeches            \(options.leechThreshold) lapses, then \(options.leechAction.rawValue)
            fuzz               \(options.fuzz)
          """)
      }
    }

    static func steps(_ text: String) throws -> [TimeInterval] {
      do {
        return try StepText.parse(text)
      } catch {
        throw CommandFailure("cannot read the step “\(error.word)”: write steps like 1m 10m 1h 1d")
      }
    }
  }
}
