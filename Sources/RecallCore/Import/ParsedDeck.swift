/// What a file holds once parsed: its format, title, cards and the warnings met on the way.
public struct ParsedDeck: Sendable, Hashable, Codable {
  /// The format the file was read as.
  public var format: ImportFormat
  /// The deck's title as written in the file, or `nil` when it has none.
  public var title: String?
  /// The cards in file order.
  public var cards: [ImportedCard]
  /// Uncertain boundaries, missing sides and lines that could not be used, in line order.
  public var warnings: [ImportWarning]

  /// Creates a parsed deck.
  public init(format: ImportFormat, title: String?, cards: [ImportedCard], warnings: [ImportWarning]) {
    self.format = format
    self.title = title
    self.cards = cards
    self.warnings = warnings
  }
}
