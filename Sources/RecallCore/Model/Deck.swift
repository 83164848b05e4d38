/// A named set of cards, with how many it holds in each state.
public struct DeckSummary: Sendable, Hashable, Codable {
  /// The deck's id in the collection.
  public var id: Int64
  /// The deck's unique name.
  public var name: String
  /// Every card in the deck.
  public var cards: Int
  /// Cards never studied.
  public var new: Int
  /// Cards with a missing side, kept out of study until completed.
  public var flagged: Int
  /// Cards suspended by the user or as leeches.
  public var suspended: Int

  /// Creates a deck summary.
  public init(id: Int64, name: String, cards: Int, new: Int, flagged: Int, suspended: Int) {
    self.id = id
    self.name = name
    self.cards = cards
    self.new = new
    self.flagged = flagged
    self.suspended = suspended
  }
}
