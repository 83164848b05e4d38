import Foundation
import RecallCore

/// How an Anki package is brought in.
public struct AnkiImportOptions: Sendable {
  /// Put every card in this deck instead of the package's own decks (whose `Parent::Child` names are kept
  /// otherwise).
  public var deck: String?
  /// Caps on decompressed sizes.
  public var limits: AnkiPackageLimits
  /// Options given to decks the import creates; their FSRS parameters and day boundary also rebuild the memory
  /// states.
  public var deckOptions: DeckOptions
  /// The moment of the import: new cards become available then, buried cards stay hidden until the next day.
  public var now: Date

  /// Creates options; by default the package's decks, Anki's default deck options and the current time.
  public init(
    deck: String? = nil, limits: AnkiPackageLimits = AnkiPackageLimits(), deckOptions: DeckOptions = DeckOptions(),
    now: Date = Date()
  ) {
    self.deck = deck
    self.limits = limits
    self.deckOptions = deckOptions
    self.now = now
  }
}
