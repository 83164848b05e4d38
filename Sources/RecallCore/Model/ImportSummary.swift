/// What saving an imported deck changed in the collection.
public struct ImportSummary: Sendable, Hashable, Codable {
  /// The deck the cards went to.
  public var deck: String
  /// Cards new to the deck.
  public var added: Int
  /// Cards already in the deck (matched by front) whose back or tags changed; their history is kept.
  public var updated: Int
  /// Cards already in the deck and identical.
  public var unchanged: Int
  /// Imported cards with a missing side, kept out of study until completed.
  public var flagged: Int

  /// Creates a summary.
  public init(deck: String, added: Int, updated: Int, unchanged: Int, flagged: Int) {
    self.deck = deck
    self.added = added
    self.updated = updated
    self.unchanged = unchanged
    self.flagged = flagged
  }
}
