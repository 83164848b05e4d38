/// One point of the expected answer and what the typed answer did with it.
///
/// Encodes as `{"text": "...", "hit": true, "matched": "..."}`, with `"matched": null` when the point was missed.
public struct GradedPoint: Sendable, Hashable, Codable {
  /// The point as written on the card.
  public var text: String
  /// Whether the typed answer states it.
  public var hit: Bool
  /// The typed fragment that states it, as typed; nil when missed.
  public var matched: String?
  /// The typed fragment that states the reverse of it (a negation, another number, another name), if any.
  /// Not encoded: it is for showing the student why a point they wrote about was not accepted.
  public var conflicting: String?

  /// Creates a graded point.
  public init(text: String, hit: Bool, matched: String?, conflicting: String? = nil) {
    self.text = text
    self.hit = hit
    self.matched = matched
    self.conflicting = conflicting
  }

  private enum CodingKeys: String, CodingKey {
    case text, hit, matched
  }

  /// Decodes a point from its JSON form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    text = try container.decode(String.self, forKey: .text)
    hit = try container.decode(Bool.self, forKey: .hit)
    matched = try container.decodeIfPresent(String.self, forKey: .matched)
    conflicting = nil
  }

  /// Encodes the point, writing `null` for a missing match so every point has the same keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(text, forKey: .text)
    try container.encode(hit, forKey: .hit)
    if let matched {
      try container.encode(matched, forKey: .matched)
    } else {
      try container.encodeNil(forKey: .matched)
    }
  }
}
