/// The two latent variables FSRS tracks per card.
public struct MemoryState: Sendable, Hashable, Codable {
  /// Days until the recall probability falls to 90 %; at least 0.001 (py-fsrs `STABILITY_MIN`).
  public var stability: Double
  /// How hard the card is to remember, 1 (easiest) … 10 (hardest).
  public var difficulty: Double

  /// Creates a memory state from raw values; no clamping is done here because the model
  /// functions already keep their outputs in range.
  public init(stability: Double, difficulty: Double) {
    self.stability = stability
    self.difficulty = difficulty
  }
}
