import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall answer`: rate cards from a script, each answer committed before the next is read.
struct AnswerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "answer",
    abstract: "Rate a card (again/hard/good/easy or 1–4); with no arguments, read `ID RATING` lines from stdin.",
    discussion: """
      Each answer is committed before the next line is read, and acknowledged with a line \
      `ok ID RATING STATE DUE`, so a script knows exactly which answers are safe.
      """)

  @OptionGroup var collection: CollectionOptions

  @Argument(help: "The card's id.")
  var id: Int64?

  @Argument(help: "The rating: again, hard, good, easy (or 1–4).")
  var rating: Rating?

  @Flag(help: "Practise without changing the schedule (logged as cram).")
  var cram = false

  func run() async throws {
    try await reportingFailures {
      let store = try collection.open()
      if let id, let rating {
        try answer(store, id, rating)
        return
      }
      var lineNumber = 0
      while let line = readLine() {
        lineNumber += 1
        let words = line.split(separator: " ")
        guard words.count == 2, let id = Int64(words[0]), let rating = Rating(argument: String(words[1])) else {
          if !line.allSatisfy(\.isWhitespace) {
            printError("recall: stdin:\(lineNumber): expected `ID RATING`, got “\(line)”")
          }
          continue
        }
        try answer(store, id, rating)
      }
    }
  }

  private func answer(_ store: Collection, _ id: Int64, _ rating: Rating) throws {
    let outcome = try storeCall { try store.answer(cardID: id, rating: rating, cram: cram) }
    let schedule = outcome.after.schedule
    print("ok \(id) \(rating) \(schedule.phase.rawValue) \(ISO8601DateFormatter().string(from: schedule.due))")
    if outcome.becameLeech { print("leech \(id)") }
    fflush(nil)
  }
}

/// `recall undo`: take back the last answer.
struct UndoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo", abstract: "Take back the most recent answer; the card returns exactly to its state before.")

  @OptionGroup var collection: CollectionOptions

  func run() async throws {
    try await reportingFailures {
      guard let card = try collection.open().undoLastAnswer() else {
        throw CommandFailure("nothing to undo")
      }
      print("undone: #\(card.id) \(card.front) is \(card.schedule.phase.rawValue) again")
    }
  }
}

/// The card ids shared by the card-action commands.
struct CardIDs: ParsableArguments {
  @Argument(help: "Card ids.")
  var ids: [Int64]
}

/// `recall suspend`.
struct SuspendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Suspend cards.")
  @OptionGroup var collection: CollectionOptions
  @OptionGroup var cards: CardIDs

  func run() async throws {
    try await reportingFailures { try storeCall { try collection.open().setSuspended(true, cardIDs: cards.ids) } }
  }
}

/// `recall unsuspend`.
struct UnsuspendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "unsuspend", abstract: "Unsuspend cards.")
  @OptionGroup var collection: CollectionOptions
  @OptionGroup var cards: CardIDs

  func run() async throws {
    try await reportingFailures { try storeCall { try collection.open().setSuspended(false, cardIDs: cards.ids) } }
  }
}

/// `recall bury`.
struct BuryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "bury", abstract: "Hide cards until tomorrow.")
  @OptionGroup var collection: CollectionOptions
  @OptionGroup var cards: CardIDs

  func run() async throws {
    try await reportingFailures { try storeCall { try collection.open().bury(cardIDs: cards.ids) } }
  }
}

/// `recall reset`.
struct ResetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset", abstract: "Make cards new again (their history is kept).")
  @OptionGroup var collection: CollectionOptions
  @OptionGroup var cards: CardIDs

  func run() async throws {
    try await reportingFailures { try storeCall { try collection.open().reset(cardIDs: cards.ids) } }
  }
}

/// `recall set-due`.
struct SetDueCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-due", abstract: "Make cards due in N days (0 = today).")
  @OptionGroup var collection: CollectionOptions

  @Option(help: "Days from today.")
  var days: Int

  @OptionGroup var cards: CardIDs

  func run() async throws {
    try await reportingFailures { try storeCall { try collection.open().setDue(cardIDs: cards.ids, inDays: days) } }
  }
}
