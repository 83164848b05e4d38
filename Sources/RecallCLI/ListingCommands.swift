import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall decks`: the decks and their card counts.
struct DecksCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "decks", abstract: "List decks with card counts.")

  @OptionGroup var collection: CollectionOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let decks = try collection.open().decks()
      if json { return try JSONOutput.print(decks) }
      if decks.isEmpty { print("No decks yet: `recall import FILE` makes one.") }
      for deck in decks {
        print(
          "\(deck.name): \(deck.cards) cards (\(deck.new) new, \(deck.flagged) flagged, \(deck.suspended) suspended)")
      }
    }
  }
}

/// `recall cards`: the cards of one deck or all, optionally filtered by text.
struct CardsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(commandName: "cards", abstract: "List cards.")

  @OptionGroup var collection: CollectionOptions

  @Option(help: "Only this deck's cards.")
  var deck: String?

  @Option(help: "Only cards whose front or back contains this text.")
  var search: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() async throws {
    try await reportingFailures {
      let cards: [Card]
      do {
        cards = try collection.open().cards(deck: deck, search: search)
      } catch let error as StoreError {
        throw CommandFailure(error.description)
      }
      if json { return try JSONOutput.print(cards.map(CardJSON.init)) }
      for card in cards {
        let flag = card.flagged ? " [flagged: \(card.front.isEmpty ? "no question" : "no answer")]" : ""
        print("#\(card.id) [\(card.deck)] \(card.front.isEmpty ? "(no question)" : card.front)\(flag)")
      }
    }
  }
}

/// A card as `recall cards --json` prints it.
struct CardJSON: Encodable {
  let id: Int64
  let deck: String
  let front: String
  let back: String
  let tags: [String]
  let flagged: Bool
  let suspended: Bool
  let state: String
  let due: Date
  let line: Int?

  init(_ card: Card) {
    id = card.id
    deck = card.deck
    front = card.front
    back = card.back
    tags = card.tags
    flagged = card.flagged
    suspended = card.suspended
    state = card.schedule.phase.rawValue
    due = card.schedule.due
    line = card.sourceLine
  }
}

/// `recall check`: SQLite's integrity check of the collection.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check the collection file's integrity.")

  @OptionGroup var collection: CollectionOptions

  func run() async throws {
    try await reportingFailures {
      let problems = try collection.open().integrityCheck()
      print(problems.joined(separator: "\n"))
      if problems != ["ok"] { throw ExitCode.failure }
    }
  }
}
