import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall exam`: plan toward an exam date.
struct ExamCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exam", abstract: "Plan a deck toward an exam date.",
    subcommands: [Set.self, Status.self, Clear.self])

  /// The deck the exam commands act on: the one named, else the only deck.
  static func deck(_ name: String?, in store: Collection) throws -> String {
    if let name { return name }
    let decks = try store.decks()
    guard decks.count == 1 else { throw CommandFailure("name the deck with --deck (there are \(decks.count))") }
    return decks[0].name
  }

  /// `recall exam set DATE`.
  struct Set: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Study toward an exam: every card should be recalled with the target probability on the day.")

    @OptionGroup var collection: CollectionOptions
    @Argument(help: "The exam date, YYYY-MM-DD.") var date: String
    @Option(help: "The deck (default: the only deck).") var deck: String?
    @Option(help: "Recall probability to reach on the exam day.") var target = ExamSettings.defaultTargetRecall
    @Option(help: "Cards per day at most, new ones included.") var maxPerDay = ExamSettings.defaultMaximumCardsPerDay

    func run() async throws {
      try await reportingFailures {
        let store = try collection.open()
        let name = try ExamCommand.deck(deck, in: store)
        var options = try storeCall { try store.options(ofDeck: name) }
        do {
          options.exam = try ExamSettings(
            examDate: date, today: options.day.number(of: Date()), targetRecall: target,
            maximumCardsPerDay: maxPerDay)
        } catch let error as ExamSettingsError { throw CommandFailure(error.description) }
        try store.setOptions(options, ofDeck: name)
        print(
          "Exam set for \(date) on “\(name)”: target \(Int(target * 100))% recall, at most \(maxPerDay) cards a day.")
        if let plan = try store.examPlan(deck: name) { print(Status.text(plan.status, plan: plan)) }
      }
    }
  }

  /// `recall exam status`.
  struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Days left, predicted exam-day recall and the plan.")

    @OptionGroup var collection: CollectionOptions
    @Option(help: "The deck (default: the only deck).") var deck: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    struct Report: Encodable {
      let status: ExamStatus
      let plan: [Day]
      let unreachable: Int

      struct Day: Encodable {
        let day: Int
        let newCards: Int
        let reviews: Int
      }
    }

    func run() async throws {
      try await reportingFailures {
        let store = try collection.open()
        let name = try ExamCommand.deck(deck, in: store)
        guard let plan = try storeCall({ try store.examPlan(deck: name) }) else {
          throw CommandFailure("no exam set for “\(name)” (or it has passed): `recall exam set YYYY-MM-DD`")
        }
        if json {
          return try JSONOutput.print(
            Report(
              status: plan.status,
              plan: plan.days.map { Report.Day(day: $0.day, newCards: $0.newCards.count, reviews: $0.reviews.count) },
              unreachable: plan.unreachable.count))
        }
        print(Self.text(plan.status, plan: plan))
      }
    }

    static func text(_ status: ExamStatus, plan: ExamPlan) -> String {
      func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
      var lines = [
        "\(status.daysLeft) days left · \(status.cardCount) cards · predicted exam-day recall \(percent(status.predictedMeanRecall))"
          + " (\(status.cardsBelowTarget) below target; \(percent(status.meanRecallWithoutStudy)) with no more study)",
        "today: \(status.todayNewCards) new, \(status.todayReviews) reviews",
        "plan:  " + plan.days.prefix(14).map { "\($0.count)" }.joined(separator: " ")
          + (plan.days.count > 14 ? " …" : "") + "  (cards per day, from today)",
      ]
      if !plan.unreachable.isEmpty {
        lines.append("\(plan.unreachable.count) cards cannot reach the target in time within the daily limit.")
      }
      return lines.joined(separator: "\n")
    }
  }

  /// `recall exam clear`.
  struct Clear: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Stop planning toward the exam; plain FSRS resumes.")

    @OptionGroup var collection: CollectionOptions
    @Option(help: "The deck (default: the only deck).") var deck: String?

    func run() async throws {
      try await reportingFailures {
        let store = try collection.open()
        let name = try ExamCommand.deck(deck, in: store)
        var options = try storeCall { try store.options(ofDeck: name) }
        options.exam = nil
        try store.setOptions(options, ofDeck: name)
        print("Exam cleared for “\(name)”; normal FSRS scheduling resumes.")
      }
    }
  }
}
