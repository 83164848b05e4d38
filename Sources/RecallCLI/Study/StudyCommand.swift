import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// `recall study`: review today's cards in the terminal.
struct StudyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "study",
    abstract: "Study today's cards: flip and rate, type the answer, or multiple choice.",
    discussion: """
      Keys: space or enter shows the answer; 1–4 (or a h g e) rate Again / Hard / Good / Easy; u undoes; e edits \
      the card in $EDITOR; s suspends; b buries until tomorrow; ? lists the keys; q quits. Every answer is saved \
      before the next card shows. When standard input is not a terminal, a line protocol reads one command per \
      line (docs/study-protocol.md).
      """)

  @OptionGroup var collection: CollectionOptions

  @Argument(
    help: """
      The deck (default: every deck, one after another), or a notes file: it is imported (or re-imported, which \
      never duplicates) and its deck studied.
      """)
  var deck: String?

  @Flag(help: "Type the answer; Recall compares it and suggests a rating.")
  var type = false

  @Flag(help: "Multiple choice from other cards' answers: right → Good, wrong → Again.")
  var choice = false

  @Flag(help: "Practise every card without changing schedules.")
  var cram = false

  @Option(help: "Introduce this many new cards today instead of the deck's limit.")
  var new: Int?

  @Option(help: "Stop after this many answers.")
  var limit: Int?

  func validate() throws {
    if type && choice { throw ValidationError("choose one of --type and --choice") }
  }

  func run() async throws {
    try await reportingFailures {
      let store = try collection.open()
      let decks = try storeCall { () throws -> [String] in
        if let deck, try !store.decks().contains(where: { $0.name == deck }),
          FileManager.default.fileExists(atPath: deck)
        {
          let (parsed, failures) = FileImport.parse([deck])
          guard failures.isEmpty else { throw CommandFailure(failures.joined(separator: "\n")) }
          let reports = try FileImport.save(parsed, deck: nil, into: store)
          reports.forEach { print($0.text) }
          return reports.map(\.summary.deck)
        }
        if let deck {
          _ = try store.options(ofDeck: deck)
          return [deck]
        }
        return try store.decks().map(\.name)
      }
      guard !decks.isEmpty else { throw CommandFailure("no decks yet: `recall import FILE` makes one") }
      let screen: any StudyScreen = TerminalScreen() ?? LineScreen()
      for name in decks {
        // The grader weighs rare terms and catches a neighbouring card's answer using the rest of the deck.
        let deckCards = try store.quizCards(deck: name)
        let session = StudySession(
          collection: store, deck: name, screen: screen, mode: type ? .type : choice ? .choice : .flip, cram: cram,
          limit: limit, newCards: new, checker: PointGradingChecker(deck: GradingDeck(cards: deckCards)))
        try storeCall { try session.run() }
      }
    }
  }
}
