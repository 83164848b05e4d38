import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension Rating: ExpressibleByArgument {
  /// Accepts 1–4 or again / hard / good / easy (or their first letters).
  public init?(argument: String) {
    switch argument.lowercased() {
    case "1", "again", "a": self = .again
    case "2", "hard", "h": self = .hard
    case "3", "good", "g": self = .good
    case "4", "easy", "e": self = .easy
    default: return nil
    }
  }
}

/// `recall due`: what is left to study today.
struct DueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "due", abstract: "Show the cards due today: reviews, learning and new, per deck.")

  @OptionGroup var collection: CollectionOptions

  @Option(help: "Only this deck.")
  var deck: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  struct DeckDue: Encodable {
    let deck: String
    let review: Int
    let learning: Int
    let new: Int
    let flagged: Int
  }

  func run() async throws {
    try await reportingFailures {
      let store = try collection.open()
      let names = try deck.map { [$0] } ?? store.decks().map(\.name)
      let due = try names.map { name in
        let queue = try storeCall { try store.queue(deck: name) }
        return DeckDue(
          deck: name, review: queue.counts.review, learning: queue.counts.learning, new: queue.counts.new,
          flagged: queue.flagged)
      }
      if json { return try JSONOutput.print(deck == nil ? AnyEncodable(due) : AnyEncodable(due[0])) }
      for entry in due {
        let flagged = entry.flagged > 0 ? " (\(entry.flagged) flagged, not studied)" : ""
        print("\(entry.deck): \(entry.review) review, \(entry.learning) learning, \(entry.new) new\(flagged)")
      }
    }
  }
}

/// `recall card ID`: a card's state, recall probability, next intervals and history.
struct CardCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "card", abstract: "Show a card: its state, recall probability now, next intervals and history.")

  @OptionGroup var collection: CollectionOptions

  @Argument(help: "The card's id (see `recall cards`).")
  var id: Int64

  @Flag(help: "Print JSON instead of text.")
  var json = false

  struct Report: Encodable {
    let card: CardJSON
    let stability: Double?
    let difficulty: Double?
    let reps: Int
    let lapses: Int
    let retrievability: Double
    let next: [String: Date]
    let history: [ReviewRecord]
  }

  func run() async throws {
    try await reportingFailures {
      let store = try collection.open()
      let now = Date()
      let card = try storeCall { try store.card(id: id) }
      let preview = try store.preview(cardID: id, at: now)
      let report = Report(
        card: CardJSON(card), stability: card.schedule.stability, difficulty: card.schedule.difficulty,
        reps: card.schedule.reps, lapses: card.schedule.lapses,
        retrievability: try store.retrievability(cardID: id, at: now),
        next: Dictionary(uniqueKeysWithValues: Rating.allCases.map { ("\($0)", preview[$0]!.due) }),
        history: try store.history(cardID: id))
      if json { return try JSONOutput.print(report) }
      print("#\(card.id) [\(card.deck)] \(card.front.isEmpty ? "(no question)" : card.front)")
      print(card.back.isEmpty ? "(no answer)" : card.back)
      print("")
      var state = "state: \(card.schedule.phase.rawValue), due \(Self.format(card.schedule.due))"
      if card.suspended { state += ", suspended" }
      if card.isLeech { state += ", leech" }
      print(state)
      if let stability = card.schedule.stability, let difficulty = card.schedule.difficulty {
        print(
          String(
            format: "stability %.2f days, difficulty %.2f, recall now %.0f%%, %d reviews, %d lapses", stability,
            difficulty, report.retrievability * 100, card.schedule.reps, card.schedule.lapses))
      }
      print(
        "next: "
          + Rating.allCases.map { "\($0) \(IntervalText.describe(from: now, to: preview[$0]!.due))" }.joined(
            separator: " · "))
      if !report.history.isEmpty { print("\nhistory:") }
      for record in report.history {
        print(
          "  \(Self.format(record.reviewedAt))  \(record.rating)  \(record.phaseBefore.rawValue) → \(record.phaseAfter.rawValue)"
            + "  next in \(IntervalText.describe(days: record.intervalDays))\(record.mode == "cram" ? "  (cram)" : "")")
      }
    }
  }

  static func format(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }
}

/// Runs a store call, turning its domain errors into messages for the user.
func storeCall<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as StoreError {
    throw CommandFailure(error.description)
  } catch let error as FSRSError {
    throw CommandFailure(error.description)
  }
}
