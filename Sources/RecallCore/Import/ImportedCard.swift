/// A card read from an import file, before it is stored.
public struct ImportedCard: Sendable, Hashable, Codable {
  /// The prompt side; `""` when the file had no question for this answer.
  public var front: String
  /// The answer side; `""` when the file had no answer for this question.
  public var back: String
  /// The 1-based line of the card's first line in the file.
  public var line: Int
  /// Tags the file gave the card (Anki's tags column, Markdown tag lines, vocabulary sections).
  public var tags: [String]

  /// Creates a card.
  public init(front: String, back: String, line: Int, tags: [String] = []) {
    self.front = front
    self.back = back
    self.line = line
    self.tags = tags
  }

  /// Whether a side is missing: such a card is kept but flagged and left out of study until completed.
  public var isIncomplete: Bool { front.isEmpty || back.isEmpty }

  private enum CodingKeys: String, CodingKey { case front, back, line, tags }

  /// Decodes a card; `tags` may be absent.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    front = try container.decode(String.self, forKey: .front)
    back = try container.decode(String.self, forKey: .back)
    line = try container.decode(Int.self, forKey: .line)
    tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
  }

  /// Encodes a card, leaving `tags` out when there are none, as `recall import --json` documents.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(front, forKey: .front)
    try container.encode(back, forKey: .back)
    try container.encode(line, forKey: .line)
    if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
  }
}
